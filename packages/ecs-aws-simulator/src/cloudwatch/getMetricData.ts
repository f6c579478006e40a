import { hashString } from '../random';
import { FleetIndex } from '../fleetIndex';
import { cloudWatchErrors } from '../protocol/errors';
import { decodeToken, encodeToken } from '../protocol/paging';
import { MetricSource, memoryMetricSource } from './memoryMetrics';

type Json = Record<string, any>;

export const MAX_QUERIES_PER_CALL = 500;
export const MAX_DATAPOINTS_PER_CALL = 100_800;

export interface CloudWatchContext {
  index: FleetIndex;
  seed: number;
  accountId: string;
  region: string;
  now: () => Date;
}

interface PlannedQuery {
  query: Json;
  label: string;
  /** period start times in result order */
  timestamps: number[];
  source?: MetricSource;
  period: number;
  stat: string;
  unsupported?: string;
}

function epochMs(value: unknown, field: string): number {
  const n =
    typeof value === 'number' ? value * 1000 : Date.parse(String(value));
  if (!Number.isFinite(n)) {
    throw cloudWatchErrors.validation(
      `The parameter ${field} is not a valid timestamp: ${JSON.stringify(
        value,
      )}`,
    );
  }
  return n;
}

function validPeriod(period: unknown): period is number {
  return (
    typeof period === 'number' &&
    Number.isInteger(period) &&
    (period % 60 === 0 ? period >= 60 : [1, 5, 10, 30].includes(period))
  );
}

function plan(
  ctx: CloudWatchContext,
  input: Json,
  startMs: number,
  endMs: number,
): PlannedQuery[] {
  const descending = input.ScanBy !== 'TimestampAscending';
  const nowMs = ctx.now().getTime();
  const seen = new Set<string>();
  return (input.MetricDataQueries as Json[]).map((query, i) => {
    if (
      typeof query?.Id !== 'string' ||
      !/^[a-z][a-zA-Z0-9_]*$/.test(query.Id)
    ) {
      throw cloudWatchErrors.validation(
        `MetricDataQueries[${i}].Id must start with a lowercase letter and contain only letters, numbers and underscores, got ${JSON.stringify(
          query?.Id,
        )}`,
      );
    }
    if (seen.has(query.Id)) {
      throw cloudWatchErrors.validation(
        `The Id ${query.Id} is used by more than one MetricDataQuery`,
      );
    }
    seen.add(query.Id);
    const stat = query.MetricStat;
    if (!stat) {
      return {
        query,
        label: query.Label ?? query.Id,
        timestamps: [],
        period: 60,
        stat: '',
        unsupported: query.Expression
          ? 'The simulator evaluates MetricStat queries only, not Expression'
          : 'The query has neither MetricStat nor Expression',
      };
    }
    if (!validPeriod(stat.Period)) {
      throw cloudWatchErrors.invalidParameterValue(
        `MetricDataQueries[${i}].MetricStat.Period must be 1, 5, 10, 30 or a multiple of 60, got ${JSON.stringify(
          stat.Period,
        )}`,
      );
    }
    if (typeof stat.Stat !== 'string' || !stat.Stat) {
      throw cloudWatchErrors.validation(
        `MetricDataQueries[${i}].MetricStat.Stat is required`,
      );
    }
    const metric = stat.Metric ?? {};
    const dimensions: Record<string, string> = {};
    for (const d of metric.Dimensions ?? []) {
      dimensions[d.Name] = d.Value;
    }
    const source = memoryMetricSource(
      ctx.index,
      ctx.seed,
      ctx.accountId,
      ctx.region,
      {
        namespace: metric.Namespace,
        metricName: metric.MetricName,
        dimensions,
        unit: stat.Unit,
      },
    );
    const periodMs = stat.Period * 1000;
    const timestamps: number[] = [];
    if (source) {
      const first =
        Math.ceil(Math.max(startMs, source.since) / periodMs) * periodMs;
      const last = Math.min(endMs, nowMs);
      for (let t = first; t < last; t += periodMs) {
        timestamps.push(t);
      }
      if (descending) {
        timestamps.reverse();
      }
    }
    return {
      query,
      label: query.Label ?? metric.MetricName ?? query.Id,
      timestamps,
      source,
      period: stat.Period,
      stat: stat.Stat,
    };
  });
}

/**
 * GetMetricData over the simulated fleet: values computed on request from each service's
 * memory profile, paged with NextToken when the datapoint cap (100,800 or MaxDatapoints) is hit.
 */
export function getMetricData(ctx: CloudWatchContext, input: Json) {
  const queries = input.MetricDataQueries;
  if (!Array.isArray(queries) || queries.length === 0) {
    throw cloudWatchErrors.validation(
      'The parameter MetricDataQueries is required and must not be empty.',
    );
  }
  if (queries.length > MAX_QUERIES_PER_CALL) {
    throw cloudWatchErrors.validation(
      `The collection MetricDataQueries must not have a size greater than ${MAX_QUERIES_PER_CALL}, got ${queries.length}.`,
    );
  }
  const startMs = epochMs(input.StartTime, 'StartTime');
  const endMs = epochMs(input.EndTime, 'EndTime');
  if (startMs >= endMs) {
    throw cloudWatchErrors.validation(
      'The parameter StartTime must be less than the parameter EndTime.',
    );
  }
  const cap =
    typeof input.MaxDatapoints === 'number' && input.MaxDatapoints > 0
      ? Math.min(input.MaxDatapoints, MAX_DATAPOINTS_PER_CALL)
      : MAX_DATAPOINTS_PER_CALL;
  const scope = String(
    hashString(
      JSON.stringify([
        queries,
        input.StartTime,
        input.EndTime,
        input.ScanBy ?? '',
      ]),
    ),
  );
  const offset = decodeToken(
    input.NextToken,
    scope,
    cloudWatchErrors.invalidNextToken,
  );
  const planned = plan(ctx, input, startMs, endMs);
  const total = planned.reduce((sum, q) => sum + q.timestamps.length, 0);
  const pageEnd = Math.min(offset + cap, total);

  const results: Json[] = [];
  let position = 0;
  for (const q of planned) {
    const qStart = position;
    const qEnd = position + q.timestamps.length;
    position = qEnd;
    if (q.query.ReturnData === false) {
      continue;
    }
    const empty = qStart === qEnd;
    const inPage = empty
      ? qStart >= offset && (qStart < pageEnd || pageEnd === total)
      : qStart < pageEnd && qEnd > offset;
    if (!inPage) {
      continue;
    }
    if (q.unsupported) {
      results.push({
        Id: q.query.Id,
        Label: q.label,
        Timestamps: [],
        Values: [],
        StatusCode: 'InternalError',
        Messages: [{ Code: 'Unsupported', Value: q.unsupported }],
      });
      continue;
    }
    const from = Math.max(offset, qStart) - qStart;
    const to = Math.min(pageEnd, qEnd) - qStart;
    const Timestamps: number[] = [];
    const Values: number[] = [];
    for (const t of q.timestamps.slice(from, to)) {
      const value = q.source!.valueAt(t, q.period, q.stat);
      if (value !== undefined) {
        Timestamps.push(t / 1000);
        Values.push(value);
      }
    }
    results.push({
      Id: q.query.Id,
      Label: q.label,
      Timestamps,
      Values,
      StatusCode: qEnd <= pageEnd ? 'Complete' : 'PartialData',
    });
  }
  return {
    MetricDataResults: results,
    NextToken: pageEnd < total ? encodeToken(scope, pageEnd) : undefined,
    Messages: [],
  };
}
