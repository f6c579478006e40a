import type { LoggerService } from '@backstage/backend-plugin-api';
import { redactTaskDefinition } from '@internal/plugin-ecs-tmpfs-common';
import type { SyncRun } from '@internal/plugin-ecs-tmpfs-common';
import type {
  AwsCallRecord,
  AwsClientFactory,
  EcsTmpfsTarget,
} from '@internal/plugin-ecs-tmpfs-node';
import { randomUUID } from 'node:crypto';
import type { InventoryStore, ServiceSnapshot } from '../store/InventoryStore';
import type { TaskDefinitionRow } from '../store/rows';
import {
  analyseService,
  findingsScore,
  parseStoredTaskDefinition,
  STATUS_RANK,
  utilizationBaseMiB,
  type ServiceAnalysis,
} from './analyse';
import { collectEcs, type CollectedService } from './collectEcs';
import {
  collectMetrics,
  memoryFigures,
  metricsWindow,
  type MetricsTarget,
} from './collectMetrics';

export interface SyncSettings {
  metricsWindowDays: number;
  metricsPeriodSeconds: number;
  headroomThreshold: number;
}

/** A sync run plus the retries behind its call counts. */
export type SyncRunRecord = SyncRun & { apiRetries: Record<string, number> };

const targetKey = (t: EcsTmpfsTarget) => `${t.accountId}/${t.region}`;

function errorText(error: unknown): string {
  const e = error as { name?: string; message?: string };
  return e?.name && e.name !== 'Error'
    ? `${e.name}: ${e.message}`
    : String(e?.message ?? error);
}

/** Persists progress at most this often, so other replicas can show it without write storms. */
const PROGRESS_WRITE_MS = 1000;

/**
 * Runs the sync of one account × Region: ECS listing → new revisions → CloudWatch memory →
 * analysis → one transaction. Two runs of the same target never overlap in this process; the
 * scheduler's lock keeps replicas from running the schedule twice.
 */
export class SyncRunner {
  private readonly running = new Map<
    string,
    { run: SyncRunRecord; done: Promise<SyncRunRecord> }
  >();

  constructor(
    private readonly deps: {
      store: InventoryStore;
      clients: AwsClientFactory;
      logger: LoggerService;
      settings: SyncSettings;
      now?: () => Date;
    },
  ) {}

  private now() {
    return this.deps.now ? this.deps.now() : new Date();
  }

  runningRun(target: EcsTmpfsTarget): SyncRunRecord | undefined {
    return this.running.get(targetKey(target))?.run;
  }

  /**
   * Starts a run (or returns the one already running for the target) and resolves once its
   * row exists; `done` resolves when it finishes.
   */
  async start(
    target: EcsTmpfsTarget,
    trigger: SyncRun['trigger'],
  ): Promise<{ run: SyncRunRecord; done: Promise<SyncRunRecord> }> {
    const key = targetKey(target);
    const existing = this.running.get(key);
    if (existing) return existing;
    const run: SyncRunRecord = {
      id: randomUUID(),
      accountId: target.accountId,
      region: target.region,
      trigger,
      status: 'running',
      startedAt: this.now().toISOString(),
      apiCalls: {},
      apiRetries: {},
      services: 0,
      newRevisions: 0,
      goneServices: 0,
      errors: [],
      progress: { phase: 'starting', done: 0 },
    };
    const entry = { run, done: Promise.resolve(run) };
    this.running.set(key, entry);
    try {
      await this.deps.store.insertRun({
        id: run.id,
        account_id: run.accountId,
        region: run.region,
        trigger: run.trigger,
        status: run.status,
        started_at: new Date(run.startedAt),
        finished_at: null,
        api_calls: '{}',
        api_retries: '{}',
        services: 0,
        new_revisions: 0,
        gone_services: 0,
        errors: '[]',
        progress: JSON.stringify(run.progress),
      });
    } catch (error) {
      this.running.delete(key);
      throw error;
    }
    entry.done = this.execute(target, run).finally(() =>
      this.running.delete(key),
    );
    return entry;
  }

  /** Runs one target to completion (the scheduled path). */
  async run(target: EcsTmpfsTarget, trigger: SyncRun['trigger']) {
    return (await this.start(target, trigger)).done;
  }

  private async execute(
    target: EcsTmpfsTarget,
    run: SyncRunRecord,
  ): Promise<SyncRunRecord> {
    const { store, clients, logger, settings } = this.deps;
    let lastProgressWrite = 0;
    const setProgress = (phase: string, done: number, total?: number) => {
      const phaseChanged = run.progress?.phase !== phase;
      run.progress = { phase, done, ...(total !== undefined ? { total } : {}) };
      const at = Date.now();
      if (phaseChanged || at - lastProgressWrite >= PROGRESS_WRITE_MS) {
        lastProgressWrite = at;
        store
          .updateRun(run.id, {
            progress: JSON.stringify(run.progress),
            api_calls: JSON.stringify(run.apiCalls),
            api_retries: JSON.stringify(run.apiRetries),
          })
          .catch(e => logger.warn(`Could not save sync progress: ${e}`));
      }
    };
    const recorder = (record: AwsCallRecord) => {
      run.apiCalls[record.operation] =
        (run.apiCalls[record.operation] ?? 0) + record.attempts;
      if (record.attempts > 1) {
        run.apiRetries[record.operation] =
          (run.apiRetries[record.operation] ?? 0) + record.attempts - 1;
      }
    };

    let finalStatus: SyncRun['status'];
    try {
      const ecs = await clients.ecs(target, { recorder });
      let listing;
      try {
        listing = await collectEcs(
          ecs,
          arns => store.knownTaskDefinitions(arns),
          setProgress,
        );
      } finally {
        ecs.destroy();
      }
      run.services = listing.services.length;
      run.newRevisions = listing.newTaskDefinitions.length;

      const describedAt = this.now();
      const taskDefinitionRows: TaskDefinitionRow[] =
        listing.newTaskDefinitions.map(td => {
          const body = redactTaskDefinition(td.raw);
          return {
            task_definition_arn: td.taskDefinitionArn,
            account_id: target.accountId,
            region: target.region,
            family: String(td.raw.family ?? ''),
            revision: Number(td.raw.revision ?? 0),
            body: JSON.stringify(body),
            described_at: describedAt,
          };
        });
      const bodies = await store.taskDefinitionBodies(
        listing.services.map(s => s.taskDefinitionArn),
      );
      for (const row of taskDefinitionRows) {
        bodies.set(row.task_definition_arn, JSON.parse(row.body));
      }

      const insightsByCluster = new Map(
        listing.clusters.map(c => [c.clusterName, c.containerInsights]),
      );
      const window = metricsWindow(
        this.now(),
        settings.metricsWindowDays,
        settings.metricsPeriodSeconds,
      );
      const metricsTargets: MetricsTarget[] = listing.services.map(s => ({
        serviceArn: s.serviceArn,
        clusterName: s.clusterName,
        serviceName: s.serviceName,
        containerInsights: insightsByCluster.get(s.clusterName) ?? false,
      }));
      const cloudWatch = await clients.cloudWatch(target, { recorder });
      let metrics;
      try {
        metrics = await collectMetrics(
          cloudWatch,
          metricsTargets,
          window,
          (done, total) => setProgress('get-metric-data', done, total),
        );
      } finally {
        cloudWatch.destroy();
      }
      const failedMetrics = [...metrics.failed.keys()];
      const previousPeaks = await store.storedPeaks(failedMetrics);
      if (metrics.failed.size > 0) {
        run.errors.push(
          `${metrics.failed.size} services kept their previous memory data: ${
            [...metrics.failed.values()][0]
          }`,
        );
      }

      setProgress('analyse', 0, listing.services.length);
      const syncedAt = this.now();
      const snapshots: ServiceSnapshot[] = [];
      for (const service of listing.services) {
        const body = bodies.get(service.taskDefinitionArn)!;
        try {
          snapshots.push(
            this.snapshotOf(target, service, body, syncedAt, window, {
              raw: metrics.byService.get(service.serviceArn),
              failed: metrics.failed.has(service.serviceArn),
              previousPeak: previousPeaks.get(service.serviceArn),
            }),
          );
        } catch (error) {
          run.errors.push(
            `${service.serviceArn}: could not analyse ${
              service.taskDefinitionArn
            }: ${errorText(error)}`,
          );
        }
      }

      setProgress('write', 0, snapshots.length);
      if (snapshots.length < listing.services.length) {
        // Unanalysable services must not be marked gone: write revisions, keep the rest stale.
        await store.insertTaskDefinitions(taskDefinitionRows);
        await store.markTargetStale(target, run.errors[0], syncedAt);
      } else {
        run.goneServices = await store.writeTargetSnapshot({
          target,
          syncedAt,
          taskDefinitions: taskDefinitionRows,
          services: snapshots,
        });
        if (failedMetrics.length > 0) {
          await store.markServicesStale(
            failedMetrics,
            metrics.failed.get(failedMetrics[0])!,
            syncedAt,
          );
        }
      }
      finalStatus = run.errors.length > 0 ? 'partial' : 'succeeded';
    } catch (error) {
      const message = errorText(error);
      run.errors.push(message);
      finalStatus = 'failed';
      logger.warn(
        `ECS sync of ${target.accountId} ${target.region} failed: ${message}`,
      );
      await store
        .markTargetStale(target, message, this.now())
        .catch(e => logger.error(`Could not mark stale: ${e}`));
    }

    // The run reads as running (in memory and in the database) until every write of it,
    // stale marks included, is stored: a reader that sees it finished sees its results.
    const finishedAt = this.now();
    await store.updateRun(run.id, {
      status: finalStatus,
      finished_at: finishedAt,
      api_calls: JSON.stringify(run.apiCalls),
      api_retries: JSON.stringify(run.apiRetries),
      services: run.services,
      new_revisions: run.newRevisions,
      gone_services: run.goneServices,
      errors: JSON.stringify(run.errors),
      progress: null,
    });
    run.status = finalStatus;
    run.finishedAt = finishedAt.toISOString();
    delete run.progress;
    logger.info(
      `ECS sync of ${target.accountId} ${target.region} ${run.status}: ${
        run.services
      } services, ${run.newRevisions} new revisions, ${
        run.goneServices
      } gone, calls ${JSON.stringify(run.apiCalls)}`,
    );
    return run;
  }

  private snapshotOf(
    target: EcsTmpfsTarget,
    service: CollectedService,
    body: Record<string, unknown>,
    syncedAt: Date,
    window: ReturnType<typeof metricsWindow>,
    metrics: {
      raw: Parameters<typeof memoryFigures>[0];
      failed: boolean;
      previousPeak?: number;
    },
  ): ServiceSnapshot {
    const parsed = parseStoredTaskDefinition(body);
    const figures = memoryFigures(
      metrics.raw,
      window,
      utilizationBaseMiB(parsed.model),
    );
    const peak = metrics.failed ? metrics.previousPeak : figures.peakMiB;
    const analysis: ServiceAnalysis = analyseService(
      parsed,
      peak,
      this.deps.settings.headroomThreshold,
    );
    const { headroom, counts } = analysis;
    return {
      row: {
        service_arn: service.serviceArn,
        account_id: target.accountId,
        region: target.region,
        cluster_name: service.clusterName,
        service_name: service.serviceName,
        launch_type:
          service.launchType ??
          parsed.model.requiresCompatibilities[0] ??
          'UNKNOWN',
        desired_count: service.desiredCount ?? null,
        running_count: service.runningCount ?? null,
        tags: JSON.stringify(service.tags),
        task_definition_arn: service.taskDefinitionArn,
        status: headroom.status,
        status_rank: STATUS_RANK[headroom.status],
        limit_mib: headroom.limitMiB ?? null,
        limit_source: headroom.limitSource,
        observed_peak_mib: headroom.observedPeakMiB ?? null,
        tmpfs_total_mib: headroom.tmpfsTotalMiB,
        headroom_mib: headroom.headroomMiB ?? null,
        headroom_ratio: headroom.headroomRatio ?? null,
        findings_error: counts.error,
        findings_warning: counts.warning,
        findings_info: counts.info,
        findings_score: findingsScore(counts),
        worst_rule_id: analysis.worstRuleId ?? null,
        analysis: JSON.stringify({
          findings: analysis.findings,
          headroom: analysis.headroom,
        }),
        last_synced_at: syncedAt,
        stale_since: null,
        stale_error: null,
        gone_since: null,
      },
      tags: service.tags,
      metrics: metrics.failed
        ? undefined
        : {
            service_arn: service.serviceArn,
            source: figures.source,
            period_seconds: figures.storedPeriodSeconds,
            window_start: window.start,
            window_end: window.end,
            points: JSON.stringify(figures.points),
            fetched_at: syncedAt,
          },
    };
  }
}
