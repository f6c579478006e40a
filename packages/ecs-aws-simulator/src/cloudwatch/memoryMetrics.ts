import { clusterArn } from '../fleet/arns';
import { aggregateMemory } from '../fleet/memoryProfile';
import { taskMemoryMiB } from '../fleet/taskDefinitions';
import { SimService } from '../fleet/types';
import { FleetIndex } from '../fleetIndex';

/** One metric of one set of services, evaluated for a period starting at a timestamp. */
export interface MetricSource {
  services: SimService[];
  /** value of the statistic for the period starting at `startMs`, or undefined for no data */
  valueAt(
    startMs: number,
    periodSeconds: number,
    stat: string,
  ): number | undefined;
  /** earliest time the metric has data (the newest service's creation) */
  since: number;
}

export interface MetricRef {
  namespace: string;
  metricName: string;
  dimensions: Record<string, string>;
  unit?: string;
}

const UNITS: Record<string, string> = {
  MemoryUtilization: 'Percent',
  MemoryUtilized: 'Megabytes',
  MemoryReserved: 'Megabytes',
};

function statistic(
  stat: string,
  agg: { average: number; maximum: number; minimum: number; samples: number },
  runningCount: number,
  scale: number,
): number | undefined {
  if (stat === 'Average') {
    return agg.average * scale;
  }
  if (stat === 'Maximum') {
    return agg.maximum * scale;
  }
  if (stat === 'Minimum') {
    return agg.minimum * scale;
  }
  if (stat === 'Sum') {
    return agg.average * scale * runningCount;
  }
  if (stat === 'SampleCount') {
    return agg.samples * runningCount;
  }
  const percentile = /^p(\d{1,2}(?:\.\d+)?)$/.exec(stat);
  if (percentile) {
    // Between the mean and the maximum: enough for "observed peak" style queries.
    const p = Number(percentile[1]) / 100;
    return (agg.average + (agg.maximum - agg.average) * p) * scale;
  }
  return undefined;
}

/** Several services' values of one period into one, the way the statistic combines. */
function combine(stat: string, values: number[]): number {
  if (stat === 'Sum' || stat === 'SampleCount') {
    return values.reduce((a, b) => a + b, 0);
  }
  if (stat === 'Maximum') {
    return Math.max(...values);
  }
  if (stat === 'Minimum') {
    return Math.min(...values);
  }
  return values.reduce((a, b) => a + b, 0) / values.length;
}

function servicesFor(
  index: FleetIndex,
  accountId: string,
  region: string,
  dims: Record<string, string>,
) {
  const keys = Object.keys(dims).sort().join(',');
  const cluster = dims.ClusterName
    ? index.cluster(clusterArn(accountId, region, dims.ClusterName))
    : undefined;
  if (!cluster) {
    return [];
  }
  if (keys === 'ClusterName,ServiceName') {
    return cluster.services.filter(s => s.serviceName === dims.ServiceName);
  }
  if (keys === 'ClusterName,TaskDefinitionFamily') {
    return cluster.services.filter(s => {
      const td = index.fleet.taskDefinitions[s.taskDefinition]?.taskDefinition;
      return td?.family === dims.TaskDefinitionFamily;
    });
  }
  if (keys === 'ClusterName') {
    return cluster.services;
  }
  return [];
}

/**
 * The memory metrics ECS publishes: `AWS/ECS` MemoryUtilization (Percent of the task memory) for
 * every service with metrics, and `ECS/ContainerInsights` MemoryUtilized / MemoryReserved (MB)
 * only where Container Insights is on. Anything else has no data, as in CloudWatch.
 */
export function memoryMetricSource(
  index: FleetIndex,
  seed: number,
  accountId: string,
  region: string,
  metric: MetricRef,
): MetricSource | undefined {
  const expectedUnit = UNITS[metric.metricName];
  if (!expectedUnit || (metric.unit && metric.unit !== expectedUnit)) {
    return undefined;
  }
  const insights = metric.namespace === 'ECS/ContainerInsights';
  if (
    !insights &&
    !(
      metric.namespace === 'AWS/ECS' &&
      metric.metricName === 'MemoryUtilization'
    )
  ) {
    return undefined;
  }
  if (insights && metric.metricName === 'MemoryUtilization') {
    return undefined;
  }
  const services = servicesFor(
    index,
    accountId,
    region,
    metric.dimensions,
  ).filter(
    s =>
      s.memory.hasMetrics &&
      s.runningCount > 0 &&
      (!insights || s.memory.containerInsights),
  );
  if (services.length === 0) {
    return undefined;
  }
  const limits = services.map(s => {
    const td = index.fleet.taskDefinitions[s.taskDefinition]?.taskDefinition;
    return (td && taskMemoryMiB(td)) || 512;
  });
  return {
    services,
    since: Math.max(...services.map(s => s.createdAt)),
    valueAt(startMs, periodSeconds, stat) {
      const values: number[] = [];
      services.forEach((service, i) => {
        if (metric.metricName === 'MemoryReserved') {
          values.push(
            statistic(
              stat,
              {
                average: limits[i],
                maximum: limits[i],
                minimum: limits[i],
                samples: 1,
              },
              service.runningCount,
              1,
            ) ?? NaN,
          );
          return;
        }
        const agg = aggregateMemory(service, seed, startMs, periodSeconds);
        const scale =
          metric.metricName === 'MemoryUtilization' ? 100 / limits[i] : 1;
        values.push(statistic(stat, agg, service.runningCount, scale) ?? NaN);
      });
      if (values.some(v => Number.isNaN(v))) {
        return undefined;
      }
      return Math.round(combine(stat, values) * 1000) / 1000;
    },
  };
}
