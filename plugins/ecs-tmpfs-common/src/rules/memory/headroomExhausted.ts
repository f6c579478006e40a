import type { Rule } from '../types';
import { formatMiB } from './format';
import { describeRecommendation, memoryLimitPath } from './limitPath';

export const headroomExhausted: Rule = {
  id: 'headroom-exhausted',
  severity: 'error',
  category: 'memory',
  description:
    'Observed peak + tmpfs capacity reach the memory limit: filling tmpfs will OOM the task.',
  check: ({ td, headroom: h }) =>
    h.status !== 'exhausted'
      ? []
      : [
          {
            path: memoryLimitPath(td),
            message: `observed peak ${formatMiB(
              h.observedPeakMiB,
            )} + tmpfs ${formatMiB(h.tmpfsTotalMiB)} ≥ memory limit ${formatMiB(
              h.limitMiB,
            )} (headroom ${formatMiB(
              h.headroomMiB,
            )}): filling tmpfs will OOM the task`,
            fix: `Move to ${describeRecommendation(
              h.recommendation,
            )}, or shrink the tmpfs mounts.`,
          },
        ],
};
