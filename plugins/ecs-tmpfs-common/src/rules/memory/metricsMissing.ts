import type { Rule } from '../types';
import { memoryLimitPath } from './limitPath';

export const metricsMissing: Rule = {
  id: 'metrics-missing',
  severity: 'info',
  category: 'memory',
  description:
    'No memory datapoints in the window: headroom is unknown (never reported as 0 or healthy).',
  check: ({ td, options }) =>
    options.observedPeakMiB !== undefined
      ? []
      : [
          {
            path: memoryLimitPath(td),
            message:
              'no memory datapoints in the metrics window: headroom is unknown',
            fix: 'Check that the service ran in the window and that CloudWatch metrics (or Container Insights) are collected.',
          },
        ],
};
