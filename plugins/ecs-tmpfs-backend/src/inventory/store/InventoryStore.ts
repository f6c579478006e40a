import type { Knex } from 'knex';
import type {
  FleetQuery,
  FleetResponse,
  FleetRow,
  Freshness,
  HeadroomStatus,
  SyncRun,
} from '@internal/plugin-ecs-tmpfs-common';
import { chunk } from '../sync/concurrency';
import {
  TABLES,
  toIso,
  type ServiceMetricsRow,
  type ServiceRow,
  type SyncRunRow,
  type TaskDefinitionRow,
} from './rows';

/** Keeps every statement under SQLite's and PostgreSQL's bound-parameter limits. */
const IN_CHUNK = 500;

export interface TargetKey {
  accountId: string;
  region: string;
}

export interface ServiceSnapshot {
  row: Omit<ServiceRow, 'owner' | 'owner_source' | 'entity_ref'>;
  tags: { key: string; value: string }[];
  /** undefined keeps the stored series (its fetch failed) */
  metrics?: ServiceMetricsRow;
}

export interface TargetSnapshot {
  target: TargetKey;
  syncedAt: Date;
  taskDefinitions: TaskDefinitionRow[];
  services: ServiceSnapshot[];
}

export interface OwnerAssignment {
  serviceArn: string;
  owner: string | null;
  ownerSource: 'catalog' | 'tag' | null;
  entityRef: string | null;
}

const SORT_COLUMNS: Record<NonNullable<FleetQuery['sort']>, string> = {
  serviceName: 'service_name',
  owner: 'owner',
  headroomMiB: 'headroom_mib',
  headroomRatio: 'headroom_ratio',
  tmpfsTotalMiB: 'tmpfs_total_mib',
  status: 'status_rank',
  findings: 'findings_score',
};

/** Columns the fleet view reads: never the analysis blob. */
const FLEET_COLUMNS = [
  'service_arn',
  'service_name',
  'cluster_name',
  'account_id',
  'region',
  'launch_type',
  'owner',
  'owner_source',
  'entity_ref',
  'limit_mib',
  'observed_peak_mib',
  'tmpfs_total_mib',
  'headroom_mib',
  'headroom_ratio',
  'status',
  'findings_error',
  'findings_warning',
  'findings_info',
  'worst_rule_id',
  'last_synced_at',
  'stale_since',
  'stale_error',
  'gone_since',
];

export interface FleetFilter extends Omit<FleetQuery, 'offset' | 'limit'> {
  includeGone?: boolean;
}

const num = (v: number | string | null | undefined) =>
  v === null || v === undefined ? undefined : Number(v);

export function freshnessOf(row: {
  last_synced_at: ServiceRow['last_synced_at'];
  stale_since: ServiceRow['stale_since'];
  stale_error: string | null;
  gone_since: ServiceRow['gone_since'];
}): Freshness {
  const freshness: Freshness = { lastSyncedAt: toIso(row.last_synced_at) };
  if (row.stale_since !== null && row.stale_since !== undefined) {
    freshness.stale = {
      since: toIso(row.stale_since)!,
      error: row.stale_error ?? 'unknown error',
    };
  }
  if (row.gone_since !== null && row.gone_since !== undefined) {
    freshness.gone = { since: toIso(row.gone_since)! };
  }
  return freshness;
}

export function fleetRowOf(row: ServiceRow): FleetRow {
  return {
    serviceArn: row.service_arn,
    serviceName: row.service_name,
    clusterName: row.cluster_name,
    accountId: row.account_id,
    region: row.region,
    launchType: row.launch_type,
    owner: row.owner ?? undefined,
    ownerSource: (row.owner_source as FleetRow['ownerSource']) ?? undefined,
    entityRef: row.entity_ref ?? undefined,
    limitMiB: num(row.limit_mib),
    observedPeakMiB: num(row.observed_peak_mib),
    tmpfsTotalMiB: Number(row.tmpfs_total_mib),
    headroomMiB: num(row.headroom_mib),
    headroomRatio: num(row.headroom_ratio),
    status: row.status as HeadroomStatus,
    findingCounts: {
      error: Number(row.findings_error),
      warning: Number(row.findings_warning),
      info: Number(row.findings_info),
    },
    worstRuleId: row.worst_rule_id ?? undefined,
    freshness: freshnessOf(row),
  };
}

export function syncRunOf(row: SyncRunRow): SyncRun {
  const run: SyncRun & { apiRetries?: Record<string, number> } = {
    id: row.id,
    accountId: row.account_id,
    region: row.region,
    trigger: row.trigger as SyncRun['trigger'],
    status: row.status as SyncRun['status'],
    startedAt: toIso(row.started_at)!,
    finishedAt: toIso(row.finished_at),
    apiCalls: JSON.parse(row.api_calls),
    apiRetries: JSON.parse(row.api_retries),
    services: Number(row.services),
    newRevisions: Number(row.new_revisions),
    goneServices: Number(row.gone_services),
    errors: JSON.parse(row.errors),
  };
  if (row.progress) run.progress = JSON.parse(row.progress);
  return run;
}

/** Everything the inventory reads and writes; no AWS and no HTTP here. */
/** PostgreSQL's deadlock and serialization-failure codes: the transaction was rolled back. */
const RETRYABLE_PG_CODES = new Set(['40P01', '40001']);
const TRANSACTION_ATTEMPTS = 4;

export class InventoryStore {
  constructor(private readonly db: Knex) {}

  /**
   * Runs a transaction, again when PostgreSQL picked it as a deadlock victim. Targets sync in
   * parallel and the owner mapping updates rows of every target, so two writers can lock the
   * same rows in different orders; the victim was rolled back whole, so running it again is
   * safe and leaves no mix of old and new rows.
   */
  private async transaction<T>(work: (tx: Knex.Transaction) => Promise<T>) {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.transaction<T>(work);
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        if (
          attempt >= TRANSACTION_ATTEMPTS ||
          typeof code !== 'string' ||
          !RETRYABLE_PG_CODES.has(code)
        ) {
          throw error;
        }
        await new Promise(r => setTimeout(r, 50 * attempt));
      }
    }
  }

  async knownTaskDefinitions(arns: string[]): Promise<Set<string>> {
    const known = new Set<string>();
    for (const part of chunk(arns, IN_CHUNK)) {
      const rows = await this.db(TABLES.taskDefinitions)
        .whereIn('task_definition_arn', part)
        .select('task_definition_arn');
      rows.forEach(r => known.add(r.task_definition_arn));
    }
    return known;
  }

  async taskDefinitionBodies(
    arns: string[],
  ): Promise<Map<string, Record<string, unknown>>> {
    const bodies = new Map<string, Record<string, unknown>>();
    for (const part of chunk([...new Set(arns)], IN_CHUNK)) {
      const rows = await this.db(TABLES.taskDefinitions)
        .whereIn('task_definition_arn', part)
        .select('task_definition_arn', 'body');
      rows.forEach(r => bodies.set(r.task_definition_arn, JSON.parse(r.body)));
    }
    return bodies;
  }

  async storedPeaks(arns: string[]): Promise<Map<string, number | undefined>> {
    const peaks = new Map<string, number | undefined>();
    for (const part of chunk(arns, IN_CHUNK)) {
      const rows = await this.db(TABLES.services)
        .whereIn('service_arn', part)
        .select('service_arn', 'observed_peak_mib');
      rows.forEach(r => peaks.set(r.service_arn, num(r.observed_peak_mib)));
    }
    return peaks;
  }

  /** Task-definition revisions are immutable: storing one twice is a no-op. */
  async insertTaskDefinitions(rows: TaskDefinitionRow[], tx?: Knex) {
    for (const part of chunk(rows, 100)) {
      await (tx ?? this.db)(TABLES.taskDefinitions)
        .insert(part)
        .onConflict('task_definition_arn')
        .ignore();
    }
  }

  /**
   * One account × Region's complete listing, in one transaction: upsert what was listed, clear
   * its stale mark, and mark gone whatever the listing no longer has. Returns the gone count.
   */
  async writeTargetSnapshot(snapshot: TargetSnapshot): Promise<number> {
    const { target, syncedAt } = snapshot;
    return this.transaction<number>(async tx => {
      await this.insertTaskDefinitions(snapshot.taskDefinitions, tx);
      const rows = snapshot.services.map(s => s.row);
      const mergeColumns = Object.keys(rows[0] ?? {}).filter(
        c => c !== 'service_arn',
      );
      for (const part of chunk(rows, 100)) {
        await tx(TABLES.services)
          .insert(part)
          .onConflict('service_arn')
          .merge(mergeColumns);
      }
      const arns = rows.map(r => r.service_arn);
      for (const part of chunk(arns, IN_CHUNK)) {
        await tx(TABLES.tags).whereIn('service_arn', part).delete();
      }
      const tagRows = snapshot.services.flatMap(s =>
        s.tags.map(t => ({
          service_arn: s.row.service_arn,
          key: t.key,
          value: t.value,
        })),
      );
      for (const part of chunk(tagRows, 300)) {
        await tx(TABLES.tags)
          .insert(part)
          .onConflict(['service_arn', 'key'])
          .merge(['value']);
      }
      const metricRows = snapshot.services.flatMap(s =>
        s.metrics ? [s.metrics] : [],
      );
      for (const part of chunk(metricRows, 50)) {
        await tx(TABLES.metrics)
          .insert(part)
          .onConflict('service_arn')
          .merge([
            'source',
            'period_seconds',
            'window_start',
            'window_end',
            'points',
            'fetched_at',
          ]);
      }
      // Every listed row now carries this sync's time, so older ones were not listed.
      const gone = await tx(TABLES.services)
        .where({ account_id: target.accountId, region: target.region })
        .whereNull('gone_since')
        .where('last_synced_at', '<', syncedAt)
        .update({ gone_since: syncedAt, stale_since: null, stale_error: null });
      return Number(gone);
    });
  }

  /** A failed listing deletes nothing: the last good rows stay, marked stale. */
  async markTargetStale(target: TargetKey, error: string, at: Date) {
    await this.db(TABLES.services)
      .where({ account_id: target.accountId, region: target.region })
      .whereNull('gone_since')
      .update({
        stale_since: this.db.raw('COALESCE(stale_since, ?)', [at]),
        stale_error: error,
      });
  }

  async markServicesStale(arns: string[], error: string, at: Date) {
    for (const part of chunk(arns, IN_CHUNK)) {
      await this.db(TABLES.services)
        .whereIn('service_arn', part)
        .update({
          stale_since: this.db.raw('COALESCE(stale_since, ?)', [at]),
          stale_error: error,
        });
    }
  }

  async servicesForMapping(): Promise<
    {
      serviceArn: string;
      tags: { key: string; value: string }[];
      owner: string | null;
      ownerSource: string | null;
      entityRef: string | null;
    }[]
  > {
    const rows = await this.db(TABLES.services).select(
      'service_arn',
      'tags',
      'owner',
      'owner_source',
      'entity_ref',
    );
    return rows.map(r => ({
      serviceArn: r.service_arn,
      tags: JSON.parse(r.tags),
      owner: r.owner,
      ownerSource: r.owner_source,
      entityRef: r.entity_ref,
    }));
  }

  async assignOwners(assignments: OwnerAssignment[]) {
    if (assignments.length === 0) return;
    await this.transaction(async tx => {
      for (const a of assignments) {
        await tx(TABLES.services).where('service_arn', a.serviceArn).update({
          owner: a.owner,
          owner_source: a.ownerSource,
          entity_ref: a.entityRef,
        });
      }
    });
  }

  private applyFleetFilter(query: Knex.QueryBuilder, filter: FleetFilter) {
    if (!filter.includeGone) query.whereNull('gone_since');
    if (filter.owner?.length) query.whereIn('owner', filter.owner);
    if (filter.status?.length) query.whereIn('status', filter.status);
    if (filter.accountId?.length) query.whereIn('account_id', filter.accountId);
    if (filter.region?.length) query.whereIn('region', filter.region);
    if (filter.search) {
      const like = `%${filter.search
        .toLowerCase()
        .replace(/[\\%_]/g, m => `\\${m}`)}%`;
      query.where(q =>
        q
          .whereRaw(`LOWER(service_name) LIKE ? ESCAPE '\\'`, [like])
          .orWhereRaw(`LOWER(cluster_name) LIKE ? ESCAPE '\\'`, [like]),
      );
    }
    return query;
  }

  private orderedFleet(query: Knex.QueryBuilder, filter: FleetFilter) {
    const column = SORT_COLUMNS[filter.sort ?? 'status'];
    const order = filter.order === 'desc' ? 'desc' : 'asc';
    // Unknown values last in both directions and on both databases.
    query
      .orderByRaw(`CASE WHEN ${column} IS NULL THEN 1 ELSE 0 END`)
      .orderBy(column, order);
    if (column === 'status_rank') query.orderBy('headroom_ratio', order);
    return query.orderBy('service_arn', 'asc');
  }

  async fleet(
    filter: FleetFilter,
    offset: number,
    limit: number,
  ): Promise<FleetResponse> {
    const [rows, [{ count }], teams] = await Promise.all([
      this.orderedFleet(
        this.applyFleetFilter(
          this.db(TABLES.services).select(FLEET_COLUMNS),
          filter,
        ),
        filter,
      )
        .offset(offset)
        .limit(limit),
      this.applyFleetFilter(
        this.db(TABLES.services).count({ count: '*' }),
        filter,
      ),
      this.applyFleetFilter(
        this.db(TABLES.services)
          .select(
            'owner',
            this.db.raw('COUNT(*) AS services'),
            this.db.raw(
              `SUM(CASE WHEN status = 'exhausted' THEN 1 ELSE 0 END) AS exhausted`,
            ),
            this.db.raw(
              `SUM(CASE WHEN status = 'low' THEN 1 ELSE 0 END) AS low`,
            ),
            this.db.raw(
              `SUM(CASE WHEN status = 'unknown' THEN 1 ELSE 0 END) AS unknown_count`,
            ),
            this.db.raw('SUM(tmpfs_total_mib) AS tmpfs_total'),
            this.db.raw('MIN(headroom_ratio) AS min_ratio'),
          )
          .groupBy('owner')
          .orderBy('owner'),
        filter,
      ),
    ]);
    return {
      items: (rows as ServiceRow[]).map(fleetRowOf),
      totalCount: Number(count),
      offset,
      limit,
      teams: (teams as any[]).map(t => ({
        owner: t.owner ?? '',
        services: Number(t.services),
        exhausted: Number(t.exhausted),
        low: Number(t.low),
        unknown: Number(t.unknown_count),
        tmpfsTotalMiB: Number(t.tmpfs_total ?? 0),
        minHeadroomRatio: num(t.min_ratio),
      })),
    };
  }

  /** Every filtered row in order, for the CSV export; streamed in pages to bound memory. */
  async *fleetRows(filter: FleetFilter, pageSize = 1000) {
    for (let offset = 0; ; offset += pageSize) {
      const rows: ServiceRow[] = await this.orderedFleet(
        this.applyFleetFilter(
          this.db(TABLES.services).select(FLEET_COLUMNS),
          filter,
        ),
        filter,
      )
        .offset(offset)
        .limit(pageSize);
      for (const row of rows) yield fleetRowOf(row);
      if (rows.length < pageSize) return;
    }
  }

  async servicesByArns(arns: string[]): Promise<ServiceRow[]> {
    const rows: ServiceRow[] = [];
    for (const part of chunk([...new Set(arns)], IN_CHUNK)) {
      rows.push(
        ...(await this.db(TABLES.services).whereIn('service_arn', part)),
      );
    }
    return rows.sort((a, b) => a.service_arn.localeCompare(b.service_arn));
  }

  /** Services carrying every one of the tags (the awslabs annotation's AND semantics). */
  async servicesByTags(tags: Record<string, string>): Promise<ServiceRow[]> {
    const pairs = Object.entries(tags);
    if (pairs.length === 0) return [];
    const matching = this.db(TABLES.tags)
      .select('service_arn')
      .where(q => {
        for (const [key, value] of pairs) q.orWhere({ key, value });
      })
      .groupBy('service_arn')
      .havingRaw('COUNT(*) = ?', [pairs.length]);
    return this.db(TABLES.services)
      .whereIn('service_arn', matching)
      .orderBy('service_arn');
  }

  async metricsOf(arns: string[]): Promise<Map<string, ServiceMetricsRow>> {
    const out = new Map<string, ServiceMetricsRow>();
    for (const part of chunk(arns, IN_CHUNK)) {
      const rows: ServiceMetricsRow[] = await this.db(TABLES.metrics).whereIn(
        'service_arn',
        part,
      );
      rows.forEach(r => out.set(r.service_arn, r));
    }
    return out;
  }

  async insertRun(row: SyncRunRow) {
    await this.db(TABLES.runs).insert(row);
  }

  async updateRun(id: string, fields: Partial<SyncRunRow>) {
    await this.db(TABLES.runs).where({ id }).update(fields);
  }

  async recentRuns(limit: number): Promise<SyncRun[]> {
    const rows: SyncRunRow[] = await this.db(TABLES.runs)
      .orderBy('started_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit);
    return rows.map(syncRunOf);
  }

  async latestRunsOf(target: TargetKey): Promise<SyncRun[]> {
    const rows: SyncRunRow[] = await this.db(TABLES.runs)
      .where({ account_id: target.accountId, region: target.region })
      .orderBy('started_at', 'desc')
      .limit(5);
    return rows.map(syncRunOf);
  }

  /** Runs a crashed or restarted process left `running`. */
  async failInterruptedRuns(olderThan: Date, at: Date) {
    await this.db(TABLES.runs)
      .where({ status: 'running' })
      .where('started_at', '<', olderThan)
      .update({
        status: 'failed',
        finished_at: at,
        errors: JSON.stringify(['interrupted: the backend stopped mid-run']),
        progress: null,
      });
  }

  async pruneRuns(before: Date) {
    await this.db(TABLES.runs)
      .where('started_at', '<', before)
      .whereNot({ status: 'running' })
      .delete();
  }
}
