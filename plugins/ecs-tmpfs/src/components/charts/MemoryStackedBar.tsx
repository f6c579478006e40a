import { useTheme } from '@material-ui/core/styles';
import type { HeadroomResult } from '@internal/plugin-ecs-tmpfs-common';
import { UNKNOWN_HEADROOM_TEXT, formatMiB } from '../shared/format';
import { chartColors } from './chartColors';
import { Legend } from './Legend';

const WIDTH = 600;
const HEIGHT = 64;
const BAR_Y = 8;
const BAR_HEIGHT = 28;

/**
 * Observed peak + tmpfs capacity + remaining headroom, stacked against the memory limit.
 * When peak + tmpfs pass the limit the scale grows so the overflow stays visible.
 */
export const MemoryStackedBar = ({
  headroom,
}: {
  headroom: HeadroomResult;
}) => {
  const colors = chartColors(useTheme());
  const { limitMiB, observedPeakMiB, tmpfsTotalMiB, headroomMiB } = headroom;
  if (limitMiB === undefined || limitMiB <= 0) {
    return <p>No memory limit is set, so headroom cannot be drawn.</p>;
  }
  const peak = observedPeakMiB ?? 0;
  const used = peak + tmpfsTotalMiB;
  const scaleMax = Math.max(limitMiB, used);
  const x = (mib: number) => (mib / scaleMax) * WIDTH;
  const remaining = Math.max(0, limitMiB - used);
  const label =
    observedPeakMiB === undefined
      ? `Memory limit ${formatMiB(limitMiB)}, tmpfs capacity ${formatMiB(
          tmpfsTotalMiB,
        )}, observed peak and headroom ${UNKNOWN_HEADROOM_TEXT}`
      : `Memory limit ${formatMiB(limitMiB)}: observed peak ${formatMiB(
          observedPeakMiB,
        )}, tmpfs capacity ${formatMiB(tmpfsTotalMiB)}, headroom ${formatMiB(
          headroomMiB,
        )}`;
  return (
    <figure style={{ margin: 0 }}>
      <svg
        role="img"
        aria-label={label}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        preserveAspectRatio="none"
      >
        <title>{label}</title>
        <rect
          x={0}
          y={BAR_Y}
          width={WIDTH}
          height={BAR_HEIGHT}
          fill="none"
          stroke={colors.axis}
        />
        {observedPeakMiB !== undefined && (
          <rect
            x={0}
            y={BAR_Y}
            width={x(peak)}
            height={BAR_HEIGHT}
            fill={colors.peak}
          />
        )}
        <rect
          x={x(peak)}
          y={BAR_Y}
          width={x(tmpfsTotalMiB)}
          height={BAR_HEIGHT}
          fill={colors.tmpfs}
        />
        {observedPeakMiB !== undefined && remaining > 0 && (
          <rect
            x={x(used)}
            y={BAR_Y}
            width={x(remaining)}
            height={BAR_HEIGHT}
            fill={colors.headroom}
          />
        )}
        <line
          x1={x(limitMiB)}
          x2={x(limitMiB)}
          y1={2}
          y2={BAR_Y + BAR_HEIGHT + 4}
          stroke={colors.limit}
          strokeWidth={2}
        />
        <text x={0} y={HEIGHT - 4} fontSize={11} fill={colors.axis}>
          0 MiB
        </text>
        <text
          x={Math.min(x(limitMiB), WIDTH)}
          y={HEIGHT - 4}
          fontSize={11}
          textAnchor="end"
          fill={colors.axis}
        >
          limit {formatMiB(limitMiB)}
        </text>
      </svg>
      <Legend
        items={[
          {
            label: `Observed peak: ${
              observedPeakMiB === undefined
                ? 'unknown'
                : formatMiB(observedPeakMiB)
            }`,
            color: colors.peak,
          },
          {
            label: `tmpfs capacity: ${formatMiB(tmpfsTotalMiB)}`,
            color: colors.tmpfs,
          },
          {
            label: `Headroom: ${
              headroomMiB === undefined
                ? UNKNOWN_HEADROOM_TEXT
                : formatMiB(headroomMiB)
            }`,
            color: colors.headroom,
          },
          {
            label: `Limit: ${formatMiB(limitMiB)}`,
            color: colors.limit,
            dashed: true,
          },
        ]}
      />
    </figure>
  );
};
