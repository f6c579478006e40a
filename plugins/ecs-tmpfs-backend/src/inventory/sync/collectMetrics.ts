import {
  CloudWatchClient,
  GetMetricDataCommand,
  type MetricDataQuery,
} from '@aws-sdk/client-cloudwatch';
import { chunk, mapWithConcurrency } from './concurrency';
import { MAX_CHART_POINTS, metricBatchSize } from './limits';

export interface MetricsWindow {
  start: Date;
  end: Date;
  periodSeconds: number;
}

export interface MetricsTarget {
  serviceArn: string;
  clusterName: string;
  serviceName: string;
  containerInsights: boolean;
}

/**
 * Maxima of one service per chart bucket (see `chartPeriod`), before any memory arithmetic.
 * Bucketing while reading keeps a 5,000-service sync small in memory; the max of maxima is
 * still the window's peak.
 */
export interface RawServiceMetrics {
  /** AWS/ECS MemoryUtilization, percent */
  utilization: Map<number, number>;
  /** ECS/ContainerInsights MemoryUtilized, MB */
  utilized: Map<number, number>;
  /** ECS/ContainerInsights MemoryReserved, MB */
  reserved: Map<number, number>;
}

type MetricKind = keyof RawServiceMetrics;

const METRICS: Record<
  MetricKind,
  { namespace: string; name: string; insightsOnly: boolean }
> = {
  utilization: {
    namespace: 'AWS/ECS',
    name: 'MemoryUtilization',
    insightsOnly: false,
  },
  utilized: {
    namespace: 'ECS/ContainerInsights',
    name: 'MemoryUtilized',
    insightsOnly: true,
  },
  reserved: {
    namespace: 'ECS/ContainerInsights',
    name: 'MemoryReserved',
    insightsOnly: true,
  },
};

const ID_PREFIX: Record<MetricKind, string> = {
  utilization: 'u',
  utilized: 'm',
  reserved: 'r',
};
const KIND_BY_PREFIX: Record<string, MetricKind> = {
  u: 'utilization',
  m: 'utilized',
  r: 'reserved',
};

/** The window ends on a period boundary so repeated syncs ask for the same buckets. */
export function metricsWindow(
  now: Date,
  windowDays: number,
  periodSeconds: number,
): MetricsWindow {
  const periodMs = periodSeconds * 1000;
  const end = new Date(Math.floor(now.getTime() / periodMs) * periodMs);
  const start = new Date(end.getTime() - windowDays * 86_400_000);
  return { start, end, periodSeconds };
}

/** Datapoints CloudWatch plans for one query over the window. */
export function periodsInWindow(window: MetricsWindow): number {
  return Math.ceil(
    (window.end.getTime() - window.start.getTime()) /
      1000 /
      window.periodSeconds,
  );
}

/** The queries a sync asks for: MemoryUtilization always, Container Insights when it is on. */
export function metricQueries(targets: MetricsTarget[], window: MetricsWindow) {
  const queries: MetricDataQuery[] = [];
  targets.forEach((t, i) => {
    for (const kind of Object.keys(METRICS) as MetricKind[]) {
      const metric = METRICS[kind];
      if (metric.insightsOnly && !t.containerInsights) continue;
      queries.push({
        Id: `${ID_PREFIX[kind]}${i}`,
        MetricStat: {
          Metric: {
            Namespace: metric.namespace,
            MetricName: metric.name,
            Dimensions: [
              { Name: 'ClusterName', Value: t.clusterName },
              { Name: 'ServiceName', Value: t.serviceName },
            ],
          },
          Period: window.periodSeconds,
          Stat: 'Maximum',
        },
        ReturnData: true,
      });
    }
  });
  return queries;
}

export interface MetricsResult {
  byService: Map<string, RawServiceMetrics>;
  /** services whose queries failed (the call failed or CloudWatch answered InternalError) */
  failed: Map<string, string>;
}

/**
 * Fetches every query in calls of up to 500 queries, following NextToken (CloudWatch also
 * splits an answer at 100,800 datapoints). A failed batch marks its services failed and
 * leaves the others alone.
 */
export async function collectMetrics(
  cloudWatch: CloudWatchClient,
  targets: MetricsTarget[],
  window: MetricsWindow,
  progress: (done: number, total: number) => void,
): Promise<MetricsResult> {
  const byService = new Map<string, RawServiceMetrics>();
  const failed = new Map<string, string>();
  for (const t of targets) {
    byService.set(t.serviceArn, {
      utilization: new Map(),
      utilized: new Map(),
      reserved: new Map(),
    });
  }
  const serviceOfId = (id: string) => {
    const kind = KIND_BY_PREFIX[id[0]];
    const target = targets[Number(id.slice(1))];
    return kind && target ? { kind, target } : undefined;
  };

  const bucketSeconds = chartPeriod(window);
  const startSec = Math.floor(window.start.getTime() / 1000);
  const bucketOf = (t: number) =>
    startSec + Math.floor((t - startSec) / bucketSeconds) * bucketSeconds;
  const batches = chunk(
    metricQueries(targets, window),
    metricBatchSize(periodsInWindow(window)),
  );
  let done = 0;
  progress(0, batches.length);
  await mapWithConcurrency(batches, 2, async batch => {
    try {
      let nextToken: string | undefined;
      do {
        const res = await cloudWatch.send(
          new GetMetricDataCommand({
            MetricDataQueries: batch,
            StartTime: window.start,
            EndTime: window.end,
            ScanBy: 'TimestampAscending',
            NextToken: nextToken,
          }),
        );
        for (const result of res.MetricDataResults ?? []) {
          const match = result.Id ? serviceOfId(result.Id) : undefined;
          if (!match) continue;
          if (result.StatusCode === 'InternalError') {
            failed.set(
              match.target.serviceArn,
              `CloudWatch answered InternalError for ${
                result.Label ?? result.Id
              }`,
            );
            continue;
          }
          const series = byService.get(match.target.serviceArn)![match.kind];
          const timestamps = result.Timestamps ?? [];
          const values = result.Values ?? [];
          timestamps.forEach((ts, k) => {
            const t = bucketOf(Math.floor(new Date(ts).getTime() / 1000));
            const v = values[k];
            if (typeof v === 'number' && Number.isFinite(v)) {
              series.set(t, Math.max(series.get(t) ?? -Infinity, v));
            }
          });
        }
        nextToken = res.NextToken;
      } while (nextToken);
    } catch (error) {
      const message = `GetMetricData failed: ${(error as Error).name}: ${
        (error as Error).message
      }`;
      for (const q of batch) {
        const match = serviceOfId(q.Id!);
        if (match) failed.set(match.target.serviceArn, message);
      }
    }
    progress(++done, batches.length);
  });
  return { byService, failed };
}

export interface MemoryFigures {
  source: 'container-insights' | 'memory-utilization' | 'none';
  /** the peak over the window, MiB; undefined without datapoints or a divisor */
  peakMiB?: number;
  /** [epochSeconds, usedMiB | null, percent | null], at most MAX_CHART_POINTS */
  points: [number, number | null, number | null][];
  storedPeriodSeconds: number;
}

/** The smallest multiple of the period that keeps a chart under MAX_CHART_POINTS points. */
export function chartPeriod(window: MetricsWindow): number {
  const windowSeconds = (window.end.getTime() - window.start.getTime()) / 1000;
  const periods = Math.ceil(windowSeconds / window.periodSeconds);
  return (
    window.periodSeconds * Math.max(1, Math.ceil(periods / MAX_CHART_POINTS))
  );
}

/**
 * Turns raw maxima into MiB: Container Insights `MemoryUtilized` when it has datapoints, else
 * `MemoryUtilization` × `utilizationBaseMiB` (what ECS divides by: reservations, else limits).
 */
export function memoryFigures(
  raw: RawServiceMetrics | undefined,
  window: MetricsWindow,
  utilizationBaseMiB: number | undefined,
): MemoryFigures {
  const storedPeriodSeconds = chartPeriod(window);
  if (!raw || (raw.utilized.size === 0 && raw.utilization.size === 0)) {
    return { source: 'none', points: [], storedPeriodSeconds };
  }
  const useInsights = raw.utilized.size > 0;
  const buckets = new Map<number, { used?: number; pct?: number }>();
  let peakMiB: number | undefined;
  const allTimes = new Set([...raw.utilization.keys(), ...raw.utilized.keys()]);
  for (const t of allTimes) {
    let pct = raw.utilization.get(t);
    let used: number | undefined;
    if (useInsights) {
      used = raw.utilized.get(t);
      const reserved = raw.reserved.get(t);
      if (pct === undefined && used !== undefined && reserved) {
        pct = (used / reserved) * 100;
      }
    } else if (pct !== undefined && utilizationBaseMiB) {
      used = (pct / 100) * utilizationBaseMiB;
    }
    if (used !== undefined) peakMiB = Math.max(peakMiB ?? -Infinity, used);
    buckets.set(t, { used, pct });
  }
  const round = (v: number | undefined) =>
    v === undefined ? null : Math.round(v * 10) / 10;
  const points = [...buckets.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(
      ([t, v]) =>
        [t, round(v.used), round(v.pct)] as [
          number,
          number | null,
          number | null,
        ],
    );
  return {
    source: useInsights ? 'container-insights' : 'memory-utilization',
    peakMiB: peakMiB === undefined ? undefined : Math.round(peakMiB * 10) / 10,
    points,
    storedPeriodSeconds,
  };
}
