/**
 * MiB as a finding message shows it: at most one decimal. Peaks come from CloudWatch
 * averages and percentages, so sums like 1024 − 997.6000000000023 carry float noise.
 */
export function formatMiB(value: number | undefined): string {
  if (value === undefined) return 'unknown MiB';
  const rounded = Math.round(value * 10) / 10;
  // -0 would print as "0" anyway, but keep "-0.04" from becoming "-0 MiB"
  return `${Object.is(rounded, -0) ? 0 : rounded} MiB`;
}

/** A ratio as a percentage with at most one decimal. */
export function formatPercent(ratio: number | undefined): string {
  return `${Math.round((ratio ?? 0) * 1000) / 10} %`;
}
