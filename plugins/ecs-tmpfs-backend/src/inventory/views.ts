import {
  normaliseMountOptions,
  type ContainerView,
  type Finding,
  type HeadroomResult,
  type MemorySeries,
  type ServiceView,
} from '@internal/plugin-ecs-tmpfs-common';
import { freshnessOf } from './store/InventoryStore';
import { toIso, type ServiceMetricsRow, type ServiceRow } from './store/rows';
import { parseStoredTaskDefinition } from './sync/analyse';

function containersOf(body: Record<string, unknown>): ContainerView[] {
  const { model } = parseStoredTaskDefinition(body);
  return model.containers.map(c => ({
    name: c.name,
    essential: c.essential,
    readonlyRootFilesystem: c.readonlyRootFilesystem === true,
    user: c.user,
    memory: c.memory,
    memoryReservation: c.memoryReservation,
    tmpfs: (c.linuxParameters?.tmpfs ?? []).map(t => ({
      containerPath: String(t.containerPath ?? ''),
      size: Number(t.size),
      mountOptions: normaliseMountOptions(t.mountOptions),
    })),
    mountPoints: c.mountPoints.map(m => ({
      containerPath: String(m.containerPath ?? ''),
      sourceVolume: m.sourceVolume,
      readOnly: m.readOnly === true,
    })),
  }));
}

export function memorySeriesOf(
  row: ServiceMetricsRow | undefined,
): MemorySeries {
  if (!row) {
    return {
      source: 'none',
      periodSeconds: 0,
      windowStart: '',
      windowEnd: '',
      points: [],
    };
  }
  const points: [number, number | null, number | null][] = JSON.parse(
    row.points,
  );
  return {
    source: row.source as MemorySeries['source'],
    periodSeconds: Number(row.period_seconds),
    windowStart: toIso(row.window_start)!,
    windowEnd: toIso(row.window_end)!,
    points: points.map(([t, used, pct]) => ({
      t: new Date(t * 1000).toISOString(),
      ...(used !== null ? { usedMiB: used } : {}),
      ...(pct !== null ? { utilizationPercent: pct } : {}),
    })),
  };
}

/** The entity tab's view of one service, entirely from stored rows. */
export function serviceViewOf(
  row: ServiceRow,
  body: Record<string, unknown> | undefined,
  metrics: ServiceMetricsRow | undefined,
): ServiceView {
  const analysis: { findings: Finding[]; headroom: HeadroomResult } =
    JSON.parse(row.analysis);
  const td = body ?? {};
  const runtimePlatform = td.runtimePlatform as
    | { operatingSystemFamily?: string }
    | undefined;
  const num = (v: unknown) =>
    v === undefined || v === null || v === '' ? undefined : Number(v);
  return {
    serviceArn: row.service_arn,
    serviceName: row.service_name,
    clusterName: row.cluster_name,
    accountId: row.account_id,
    region: row.region,
    launchType: row.launch_type,
    desiredCount: row.desired_count ?? undefined,
    runningCount: row.running_count ?? undefined,
    tags: JSON.parse(row.tags),
    taskDefinitionArn: row.task_definition_arn,
    family: String(td.family ?? ''),
    revision: Number(td.revision ?? 0),
    cpu: num(td.cpu),
    memory: num(td.memory),
    operatingSystemFamily: runtimePlatform?.operatingSystemFamily,
    containers: body ? containersOf(body) : [],
    findings: analysis.findings,
    headroom: analysis.headroom,
    memorySeries: memorySeriesOf(metrics),
    freshness: freshnessOf(row),
  };
}
