import type { Rule } from '../types';
import { formatMiB, formatPercent as pct } from './format';
import { describeRecommendation, memoryLimitPath } from './limitPath';

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
            message: `worst-case headroom is ${formatMiB(h.headroomMiB)} (${pct(
              h.headroomRatio,
            )} of ${formatMiB(h.limitMiB)}), under the ${pct(
              h.thresholdRatio,
            )} threshold`,
            fix: `Move to ${describeRecommendation(
              h.recommendation,
            )}, or shrink the tmpfs mounts.`,
          },
        ],
};
