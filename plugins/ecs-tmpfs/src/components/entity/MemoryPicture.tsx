import Typography from '@material-ui/core/Typography';
import type {
  HeadroomResult,
  MemorySeries,
} from '@internal/plugin-ecs-tmpfs-common';
import { MemoryChart } from '../charts/MemoryChart';
import { MemoryStackedBar } from '../charts/MemoryStackedBar';
import { HeadroomStatusIndicator } from '../shared/HeadroomStatusIndicator';
import { formatHeadroom, formatMiB, formatPercent } from '../shared/format';

const SOURCE_TEXT: Record<MemorySeries['source'], string> = {
  'container-insights': 'Container Insights MemoryUtilized',
  'memory-utilization': 'AWS/ECS MemoryUtilization',
  none: 'no metrics source',
};

export const MemoryPicture = ({
  headroom,
  series,
}: {
  headroom: HeadroomResult;
  series: MemorySeries;
}) => (
  <div>
    <Typography variant="h6" component="h4">
      Memory headroom
    </Typography>
    <Typography variant="body1">
      <HeadroomStatusIndicator status={headroom.status} /> Headroom:{' '}
      {formatHeadroom(headroom)} · threshold{' '}
      {formatPercent(headroom.thresholdRatio)} of the limit
    </Typography>
    <Typography variant="body2" color="textSecondary">
      {headroom.formula}. Limit from {headroom.limitSource.replace(/-/g, ' ')}
      {headroom.limitMiB !== undefined
        ? ` (${formatMiB(headroom.limitMiB)})`
        : ''}
      ; metrics from {SOURCE_TEXT[series.source]}, {series.periodSeconds} s
      periods.
    </Typography>
    <MemoryStackedBar headroom={headroom} />
    <MemoryChart
      series={series}
      limitMiB={headroom.limitMiB}
      tmpfsTotalMiB={headroom.tmpfsTotalMiB}
    />
    <Typography variant="h6" component="h4">
      Recommendation
    </Typography>
    {headroom.recommendation ? (
      <Typography variant="body1">
        {headroom.recommendation.kind === 'fargate'
          ? `Fargate size ${
              headroom.recommendation.cpu ?? '?'
            } CPU units / ${formatMiB(headroom.recommendation.memoryMiB)}`
          : `Memory limit ${formatMiB(headroom.recommendation.memoryMiB)}`}
        {headroom.recommendation.downsize ? ' (smaller than today)' : ''}:{' '}
        {headroom.recommendation.reason}
      </Typography>
    ) : (
      <Typography variant="body1">
        {headroom.status === 'unknown'
          ? 'None until memory metrics arrive.'
          : 'Keep the current size.'}
      </Typography>
    )}
  </div>
);
