import { useTheme } from '@material-ui/core/styles';
import type { MemorySeries } from '@internal/plugin-ecs-tmpfs-common';
import { formatDateTime, formatMiB } from '../shared/format';
import { chartColors } from './chartColors';
import { Legend } from './Legend';

const WIDTH = 600;
const HEIGHT = 220;
const PAD = { left: 64, right: 12, top: 12, bottom: 36 };

interface Sample {
  time: number;
  usedMiB: number;
}

/** MiB per sample; utilisation-only samples are converted with the limit they are a share of. */
export function memorySamples(
  series: MemorySeries,
  limitMiB: number | undefined,
): Sample[] {
  const samples: Sample[] = [];
  for (const point of series.points) {
    const time = Date.parse(point.t);
    let used = point.usedMiB;
    if (
      used === undefined &&
      point.utilizationPercent !== undefined &&
      limitMiB !== undefined
    ) {
      used = (point.utilizationPercent / 100) * limitMiB;
    }
    if (used !== undefined && !Number.isNaN(time)) {
      samples.push({ time, usedMiB: used });
    }
  }
  return samples.sort((a, b) => a.time - b.time);
}

/**
 * Memory used over the window, with the limit and the "limit − tmpfs capacity" line: use
 * above the second line means a full tmpfs would push the task past its limit.
 */
export const MemoryChart = ({
  series,
  limitMiB,
  tmpfsTotalMiB,
}: {
  series: MemorySeries;
  limitMiB?: number;
  tmpfsTotalMiB: number;
}) => {
  const colors = chartColors(useTheme());
  const samples = memorySamples(series, limitMiB);
  if (samples.length === 0) {
    return (
      <p>
        No memory datapoints between {formatDateTime(series.windowStart)} and{' '}
        {formatDateTime(series.windowEnd)}: headroom is unknown.
      </p>
    );
  }
  const start = Date.parse(series.windowStart) || samples[0].time;
  const end = Date.parse(series.windowEnd) || samples[samples.length - 1].time;
  const span = Math.max(end - start, 1);
  const peak = Math.max(...samples.map(s => s.usedMiB));
  const yMax = Math.max(limitMiB ?? 0, peak) * 1.05 || 1;
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const x = (t: number) => PAD.left + ((t - start) / span) * innerW;
  const y = (mib: number) => PAD.top + innerH - (mib / yMax) * innerH;
  const line = samples
    .map(
      (s, i) =>
        `${i === 0 ? 'M' : 'L'}${x(s.time).toFixed(1)},${y(s.usedMiB).toFixed(
          1,
        )}`,
    )
    .join(' ');
  const area = `${line} L${x(samples[samples.length - 1].time).toFixed(1)},${y(
    0,
  )} L${x(samples[0].time).toFixed(1)},${y(0)} Z`;
  const tmpfsLine =
    limitMiB !== undefined && tmpfsTotalMiB > 0
      ? limitMiB - tmpfsTotalMiB
      : undefined;
  const label = `Memory used over ${formatDateTime(
    series.windowStart,
  )} to ${formatDateTime(series.windowEnd)}: ${
    samples.length
  } samples, peak ${formatMiB(peak)}${
    limitMiB !== undefined ? `, limit ${formatMiB(limitMiB)}` : ''
  }${
    tmpfsLine !== undefined ? `, limit minus tmpfs ${formatMiB(tmpfsLine)}` : ''
  }`;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map(f => f * yMax);
  return (
    <figure style={{ margin: 0 }}>
      <svg
        role="img"
        aria-label={label}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
      >
        <title>{label}</title>
        {ticks.map(tick => (
          <g key={tick}>
            <line
              x1={PAD.left}
              x2={WIDTH - PAD.right}
              y1={y(tick)}
              y2={y(tick)}
              stroke={colors.axis}
              strokeOpacity={0.2}
            />
            <text
              x={PAD.left - 4}
              y={y(tick) + 4}
              fontSize={10}
              textAnchor="end"
              fill={colors.axis}
            >
              {formatMiB(tick)}
            </text>
          </g>
        ))}
        <path d={area} fill={colors.peak} fillOpacity={0.2} />
        <path d={line} fill="none" stroke={colors.peak} strokeWidth={2} />
        {limitMiB !== undefined && (
          <line
            x1={PAD.left}
            x2={WIDTH - PAD.right}
            y1={y(limitMiB)}
            y2={y(limitMiB)}
            stroke={colors.limit}
            strokeWidth={2}
            strokeDasharray="6 3"
          />
        )}
        {tmpfsLine !== undefined && tmpfsLine > 0 && (
          <line
            x1={PAD.left}
            x2={WIDTH - PAD.right}
            y1={y(tmpfsLine)}
            y2={y(tmpfsLine)}
            stroke={colors.tmpfs}
            strokeWidth={2}
            strokeDasharray="2 3"
          />
        )}
        <text x={PAD.left} y={HEIGHT - 8} fontSize={10} fill={colors.axis}>
          {formatDateTime(series.windowStart)}
        </text>
        <text
          x={WIDTH - PAD.right}
          y={HEIGHT - 8}
          fontSize={10}
          textAnchor="end"
          fill={colors.axis}
        >
          {formatDateTime(series.windowEnd)}
        </text>
        <text
          x={12}
          y={PAD.top + innerH / 2}
          fontSize={10}
          fill={colors.axis}
          transform={`rotate(-90 12 ${PAD.top + innerH / 2})`}
          textAnchor="middle"
        >
          memory (MiB)
        </text>
      </svg>
      <Legend
        items={[
          { label: 'Memory used (max per period)', color: colors.peak },
          ...(limitMiB !== undefined
            ? [
                {
                  label: `Limit ${formatMiB(limitMiB)}`,
                  color: colors.limit,
                  dashed: true,
                },
              ]
            : []),
          ...(tmpfsLine !== undefined
            ? [
                {
                  label: `Limit − tmpfs capacity ${formatMiB(tmpfsLine)}`,
                  color: colors.tmpfs,
                  dashed: true,
                },
              ]
            : []),
        ]}
      />
    </figure>
  );
};
