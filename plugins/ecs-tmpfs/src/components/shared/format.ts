import type { HeadroomResult } from '@internal/plugin-ecs-tmpfs-common';

export const UNKNOWN_HEADROOM_TEXT =
  'unknown — no memory metrics in the window';

/** Rounded to one decimal; `-0` (from rounding -0.04) reads as 0. */
function oneDecimal(value: number): number {
  const rounded = Math.round(value * 10) / 10;
  return rounded === 0 ? 0 : rounded;
}

/**
 * MiB with at most one decimal: peaks derived from CloudWatch percentages carry float
 * noise such as 26.399999999999977.
 */
export function formatMiB(value: number | undefined): string {
  if (value === undefined) return '—';
  return `${oneDecimal(value).toLocaleString('en-US', {
    maximumFractionDigits: 1,
  })} MiB`;
}

export function formatPercent(ratio: number | undefined): string {
  if (ratio === undefined) return '—';
  return `${oneDecimal(ratio * 100)} %`;
}

/** Headroom as one line; never 0 or "ok" when it could not be computed. */
export function formatHeadroom(
  headroom: Pick<HeadroomResult, 'headroomMiB' | 'headroomRatio'>,
): string {
  if (headroom.headroomMiB === undefined) return UNKNOWN_HEADROOM_TEXT;
  return `${formatMiB(headroom.headroomMiB)} (${formatPercent(
    headroom.headroomRatio,
  )})`;
}

export function formatDateTime(iso: string | undefined): string {
  if (!iso) return 'never';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, ' UTC');
}

/** `group:default/platform` → `platform`; other namespaces and kinds stay visible. */
export function shortRef(ref: string | undefined): string {
  if (!ref) return '—';
  const match = /^([^:]+):([^/]+)\/(.+)$/.exec(ref);
  if (!match) return ref;
  const [, kind, namespace, name] = match;
  const prefix = kind.toLowerCase() === 'group' ? '' : `${kind}:`;
  return namespace === 'default'
    ? `${prefix}${name}`
    : `${prefix}${namespace}/${name}`;
}
