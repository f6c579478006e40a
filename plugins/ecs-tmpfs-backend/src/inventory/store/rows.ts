/** Row shapes of the inventory tables (migrations/20261203120000_inventory.js). */

export interface TaskDefinitionRow {
  task_definition_arn: string;
  account_id: string;
  region: string;
  family: string;
  revision: number;
  body: string;
  described_at: Date | string | number;
}

export interface ServiceRow {
  service_arn: string;
  account_id: string;
  region: string;
  cluster_name: string;
  service_name: string;
  launch_type: string;
  desired_count: number | null;
  running_count: number | null;
  tags: string;
  task_definition_arn: string;
  status: string;
  status_rank: number;
  limit_mib: number | null;
  limit_source: string;
  observed_peak_mib: number | null;
  tmpfs_total_mib: number;
  headroom_mib: number | null;
  headroom_ratio: number | null;
  findings_error: number;
  findings_warning: number;
  findings_info: number;
  findings_score: number;
  worst_rule_id: string | null;
  analysis: string;
  owner: string | null;
  owner_source: string | null;
  entity_ref: string | null;
  last_synced_at: Date | string | number;
  stale_since: Date | string | number | null;
  stale_error: string | null;
  gone_since: Date | string | number | null;
}

export interface ServiceMetricsRow {
  service_arn: string;
  source: string;
  period_seconds: number;
  window_start: Date | string | number;
  window_end: Date | string | number;
  points: string;
  fetched_at: Date | string | number;
}

export interface SyncRunRow {
  id: string;
  account_id: string;
  region: string;
  trigger: string;
  status: string;
  started_at: Date | string | number;
  finished_at: Date | string | number | null;
  api_calls: string;
  api_retries: string;
  services: number;
  new_revisions: number;
  gone_services: number;
  errors: string;
  progress: string | null;
}

export const TABLES = {
  taskDefinitions: 'ecs_tmpfs_task_definitions',
  services: 'ecs_tmpfs_services',
  tags: 'ecs_tmpfs_service_tags',
  metrics: 'ecs_tmpfs_service_metrics',
  runs: 'ecs_tmpfs_sync_runs',
} as const;

/** SQLite returns timestamps as epoch milliseconds or strings, PostgreSQL as Dates. */
export function toIso(value: Date | string | number | null | undefined) {
  if (value === null || value === undefined) return undefined;
  const date = value instanceof Date ? value : new Date(value);
  return date.toISOString();
}
