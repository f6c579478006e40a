import type { FleetRow } from '@internal/plugin-ecs-tmpfs-common';

const COLUMNS: [string, (r: FleetRow) => string | number | undefined][] = [
  ['serviceArn', r => r.serviceArn],
  ['serviceName', r => r.serviceName],
  ['clusterName', r => r.clusterName],
  ['accountId', r => r.accountId],
  ['region', r => r.region],
  ['launchType', r => r.launchType],
  ['owner', r => r.owner],
  ['ownerSource', r => r.ownerSource],
  ['entityRef', r => r.entityRef],
  ['status', r => r.status],
  ['limitMiB', r => r.limitMiB],
  ['observedPeakMiB', r => r.observedPeakMiB],
  ['tmpfsTotalMiB', r => r.tmpfsTotalMiB],
  ['headroomMiB', r => r.headroomMiB],
  ['headroomRatio', r => r.headroomRatio],
  ['errors', r => r.findingCounts.error],
  ['warnings', r => r.findingCounts.warning],
  ['infos', r => r.findingCounts.info],
  ['worstRuleId', r => r.worstRuleId],
  ['lastSyncedAt', r => r.freshness.lastSyncedAt],
  ['staleSince', r => r.freshness.stale?.since],
  ['staleError', r => r.freshness.stale?.error],
  ['goneSince', r => r.freshness.gone?.since],
];

function cell(value: string | number | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return String(value);
  // Spreadsheets run cells starting with these as formulas (service names and tags are
  // user-controlled).
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const CSV_HEADER = `${COLUMNS.map(([name]) => name).join(',')}\r\n`;

export function csvLine(row: FleetRow): string {
  return `${COLUMNS.map(([, get]) => cell(get(row))).join(',')}\r\n`;
}
