import type { Rule } from '../types';
import { formatMiB } from './format';
import { describeRecommendation, memoryLimitPath } from './limitPath';

/** "Far below": worst-case use at most half of the limit. */
export const OVERSIZED_USE_RATIO = 0.5;

export const memoryOversized: Rule = {
  id: 'memory-oversized',
  severity: 'info',
  category: 'memory',
  description:
    'Worst-case use stays far below the limit: a smaller valid size keeps the threshold.',
  check: ({ td, headroom: h }) => {
    if (
      h.status !== 'ok' ||
      !h.recommendation?.downsize ||
      h.limitMiB === undefined ||
      h.headroomMiB === undefined
    ) {
      return [];
    }
    const used = h.limitMiB - h.headroomMiB;
    if (used > h.limitMiB * OVERSIZED_USE_RATIO) return [];
    return [
      {
        path: memoryLimitPath(td),
        message: `worst-case use (peak ${formatMiB(
          h.observedPeakMiB,
        )} + tmpfs ${formatMiB(h.tmpfsTotalMiB)}) is ${formatMiB(
          used,
        )} of a ${formatMiB(h.limitMiB)} limit`,
        fix: `Consider ${describeRecommendation(h.recommendation)} (${
          h.recommendation.reason
        }).`,
      },
    ];
  },
};
