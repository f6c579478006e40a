import type { Rule } from '../types';
import { describeRecommendation, memoryLimitPath } from './limitPath';

function pct(ratio: number | undefined): string {
  return `${Math.round((ratio ?? 0) * 1000) / 10} %`;
}

export const headroomLow: Rule = {
  id: 'headroom-low',
  severity: 'warning',
  category: 'memory',
  description:
    'Worst-case headroom (limit − peak − tmpfs) is under the configured threshold.',
  check: ({ td, headroom: h }) =>
    h.status !== 'low'
      ? []
      : [
          {
            path: memoryLimitPath(td),
            message: `worst-case headroom is ${h.headroomMiB} MiB (${pct(
              h.headroomRatio,
            )} of ${h.limitMiB} MiB), under the ${pct(
              h.thresholdRatio,
            )} threshold`,
            fix: `Move to ${describeRecommendation(
              h.recommendation,
            )}, or shrink the tmpfs mounts.`,
          },
        ],
};
