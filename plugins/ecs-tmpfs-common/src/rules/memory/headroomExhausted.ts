import type { Rule } from '../types';
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
            message: `observed peak ${h.observedPeakMiB} MiB + tmpfs ${h.tmpfsTotalMiB} MiB ≥ memory limit ${h.limitMiB} MiB (headroom ${h.headroomMiB} MiB): filling tmpfs will OOM the task`,
            fix: `Move to ${describeRecommendation(
              h.recommendation,
            )}, or shrink the tmpfs mounts.`,
          },
        ],
};
