/*
 * Fleet-scale benchmark (issue 8): the real backend process (`packages/reliability/src/harness/
 * backendMain.ts`: createBackend + the ecs-tmpfs plugin) syncs generated fleets of growing size
 * from the simulator (its own process, real HTTP, 20 ms latency per call) into SQLite and
 * PostgreSQL, then the fleet and entity endpoints are timed over HTTP.
 *
 *   yarn bench:fleet [--sizes 500,5000,20000] [--db sqlite,postgres] [--latency 20]
 *                    [--limit-minutes 12]
 *
 * A sync that takes longer than --limit-minutes is abandoned and reported as such.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateFleet, type Fleet } from '@internal/ecs-aws-simulator';
import type { SyncRun } from '@internal/plugin-ecs-tmpfs-common';
import { minimumCalls } from '../../plugins/ecs-tmpfs-backend/src/inventory/sync/minimumCalls';
import {
  metricsWindow,
  periodsInWindow,
} from '../../plugins/ecs-tmpfs-backend/src/inventory/sync/collectMetrics';
import { API, waitForRuns } from '../../packages/reliability/src/harness/api';
import {
  freePort,
  startBackendProcess,
  type BackendProcess,
} from '../../packages/reliability/src/harness/backendProcess';
import {
  dropDatabases,
  postgresAdmin,
  randomDatabasePrefix,
} from '../../packages/reliability/src/harness/database';
import { targetsOf } from '../../packages/reliability/src/harness/fleet';
import { startSimulatorProcess } from './simulatorProcess';

function arg(name: string, fallback: string) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}
const SIZES = arg('sizes', '500,5000,20000').split(',').map(Number);
const DBS = arg('db', 'sqlite,postgres').split(',');
const LATENCY = Number(arg('latency', '20'));
const LIMIT_MS = Number(arg('limit-minutes', '12')) * 60_000;
const ACCOUNTS = ['111111111111', '222222222222'];
const REGIONS = ['us-east-1', 'eu-west-1'];
const SEED = 1;
/** The plugin's defaults: a 14-day window at 5-minute points. */
const SYNC = {
  enabled: false,
  metricsWindowDays: 14,
  metricsPeriodSeconds: 300,
};
/** 50 services a cluster, as in the issue 5 benchmark (5,000 in 100 clusters). */
const clustersFor = (services: number) =>
  Math.max(4, Math.round(services / 50));

function startSimulator(services: number, port: number) {
  return startSimulatorProcess({
    port,
    services,
    clusters: clustersFor(services),
    accounts: ACCOUNTS,
    regions: REGIONS,
    latency: LATENCY,
    seed: SEED,
  });
}

function fleetOf(services: number): Fleet {
  return generateFleet({
    accounts: ACCOUNTS,
    regions: REGIONS,
    clusters: clustersFor(services),
    services,
    seed: SEED,
  });
}

/** The inventory's own minimum-call model, summed over the targets (and its hindsight bound). */
function minimumOf(fleet: Fleet) {
  const periods = periodsInWindow(
    metricsWindow(
      new Date(),
      SYNC.metricsWindowDays,
      SYNC.metricsPeriodSeconds,
    ),
  );
  const total: Record<string, number> = {};
  let hindsightGetMetricData = 0;
  for (const { accountId, region } of targetsOf(fleet)) {
    const clusters = fleet.accounts[accountId].regions[region].clusters;
    const shape = clusters.map(c => ({
      services: c.services.length,
      containerInsights: c.containerInsights,
    }));
    const planned = minimumCalls({
      clusters: shape,
      unknownRevisions: new Set(
        clusters.flatMap(c => c.services.map(s => s.taskDefinition)),
      ).size,
      periodsPerQuery: periods,
    });
    for (const [op, n] of Object.entries(planned))
      total[op] = (total[op] ?? 0) + n;
    hindsightGetMetricData += minimumCalls({
      clusters: shape,
      unknownRevisions: 0,
      periodsPerQuery: periods,
      servicesWithoutMetrics: clusters.flatMap(c =>
        c.services
          .filter(s => !s.memory.hasMetrics)
          .map(() => ({ containerInsights: c.containerInsights })),
      ),
    }).GetMetricData;
  }
  return { total, hindsightGetMetricData };
}

/** One entity per 50 services, each naming 3 service ARNs. */
function entitiesOf(fleet: Fleet) {
  const arns = targetsOf(fleet).flatMap(t =>
    fleet.accounts[t.accountId].regions[t.region].clusters.flatMap(c =>
      c.services.map(s => s.serviceArn),
    ),
  );
  const entities = [];
  for (let i = 0; i < arns.length; i += 50) {
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: `svc-${i}`,
        namespace: 'default',
        annotations: {
          'aws.amazon.com/amazon-ecs-service-arn': arns
            .slice(i, i + 3)
            .join(','),
        },
      },
      spec: {
        type: 'service',
        owner: `team-${i % 7}`,
        lifecycle: 'production',
      },
    });
  }
  return entities;
}

/** Resident set size of a process in bytes, from /proc (Linux). */
function rssOf(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return kb * 1024;
  } catch {
    return 0;
  }
}

function percentile(values: number[], p: number) {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[
    Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  ];
}

async function databaseSize(kind: string, prefix: string, sqliteDir: string) {
  if (kind === 'sqlite') {
    return fs
      .readdirSync(sqliteDir)
      .filter(f => f.startsWith('ecs-tmpfs.sqlite'))
      .reduce((n, f) => n + fs.statSync(path.join(sqliteDir, f)).size, 0);
  }
  const admin = postgresAdmin();
  try {
    const { rows } = await admin.raw('SELECT pg_database_size(?) AS size', [
      `${prefix}ecs-tmpfs`,
    ]);
    return Number(rows[0].size);
  } finally {
    await admin.destroy();
  }
}

async function benchOne(services: number, kind: string) {
  const fleet = fleetOf(services);
  const simPort = await freePort();
  const sim = await startSimulator(services, simPort);
  const simUrl = `http://127.0.0.1:${simPort}`;
  const prefix = randomDatabasePrefix();
  const sqliteDir = fs.mkdtempSync(
    path.join(os.tmpdir(), 'ecs-tmpfs-fleet-bench-'),
  );
  const entitiesFile = path.join(sqliteDir, 'entities.json');
  const entities = entitiesOf(fleet);
  fs.writeFileSync(entitiesFile, JSON.stringify(entities));
  let backend: BackendProcess | undefined;
  let peakRss = 0;
  let sampler: NodeJS.Timeout | undefined;
  try {
    backend = await startBackendProcess({
      fleet,
      simulatorUrl: simUrl,
      databasePrefix: prefix,
      sync: SYNC,
      ...(kind === 'sqlite' && { sqliteDirectory: sqliteDir }),
      catalogEntitiesFile: entitiesFile,
    });
    const pid = backend.child.pid!;
    const idleRss = rssOf(pid);
    sampler = setInterval(() => {
      peakRss = Math.max(peakRss, rssOf(pid));
    }, 100);

    const api = backend.api;
    const started = Date.now();
    const trigger = await api.post(`${API}/sync/trigger`, {});
    if (trigger.status !== 202) {
      throw new Error(
        `trigger: ${trigger.status} ${JSON.stringify(trigger.body)}`,
      );
    }
    let runs: SyncRun[];
    try {
      runs = await waitForRuns(
        api,
        (trigger.body.runs as SyncRun[]).map(r => r.id),
        LIMIT_MS,
      );
    } catch (error) {
      return { services, kind, abandoned: `${error}` };
    }
    const syncMs = Date.now() - started;
    const calls: Record<string, number> = {};
    for (const r of runs) {
      for (const [op, n] of Object.entries(r.apiCalls))
        calls[op] = (calls[op] ?? 0) + n;
    }
    const simSaw = (
      (await (await fetch(`${simUrl}/_simulator/calls`)).json()) as {
        counts: Record<string, number>;
      }
    ).counts;
    const syncPeakRss = peakRss;

    const time = async (p: string) => {
      const t = process.hrtime.bigint();
      const res = await api.get(p);
      if (res.status !== 200) throw new Error(`${p}: ${res.status}`);
      return Number(process.hrtime.bigint() - t) / 1e6;
    };
    const fleetPaths = [
      `${API}/fleet`,
      `${API}/fleet?sort=headroomRatio&order=asc&limit=100`,
      `${API}/fleet?owner=group:default/team-3&sort=findings&order=desc`,
      `${API}/fleet?status=low&status=exhausted&accountId=111111111111`,
      `${API}/fleet?search=api&region=eu-west-1&offset=20`,
      `${API}/fleet?sort=serviceName&offset=${Math.floor(
        services * 0.8,
      )}&limit=100`,
    ];
    const entityPaths = entities.map(
      e =>
        `${API}/entity-services?entityRef=component:default/${e.metadata.name}`,
    );
    for (const p of [...fleetPaths, ...entityPaths.slice(0, 5)]) await time(p);
    const fleetTimes: number[] = [];
    for (let i = 0; i < 300; i++)
      fleetTimes.push(await time(fleetPaths[i % fleetPaths.length]));
    const entityTimes: number[] = [];
    for (let i = 0; i < 200; i++) {
      entityTimes.push(await time(entityPaths[i % entityPaths.length]));
    }
    const total = await api.get(`${API}/fleet?limit=1`);
    return {
      services,
      kind,
      stored: total.body.totalCount as number,
      statuses: runs.map(r => r.status),
      syncMs,
      calls,
      simSaw,
      minimum: minimumOf(fleet),
      idleRssMiB: Math.round(idleRss / 1048576),
      syncPeakRssMiB: Math.round(syncPeakRss / 1048576),
      peakRssMiB: Math.round(peakRss / 1048576),
      dbBytes: await databaseSize(kind, prefix, sqliteDir),
      fleet: {
        p50: percentile(fleetTimes, 50),
        p95: percentile(fleetTimes, 95),
      },
      entity: {
        p50: percentile(entityTimes, 50),
        p95: percentile(entityTimes, 95),
      },
    };
  } finally {
    if (sampler) clearInterval(sampler);
    await backend?.kill();
    sim.kill('SIGTERM');
    if (kind === 'postgres') await dropDatabases(prefix);
    fs.rmSync(sqliteDir, { recursive: true, force: true });
  }
}

function report(r: Awaited<ReturnType<typeof benchOne>>) {
  if ('abandoned' in r) {
    console.log(
      `\n## ${r.services} services on ${r.kind}: abandoned (${r.abandoned})`,
    );
    return;
  }
  console.log(`\n## ${r.services} services on ${r.kind}`);
  console.log(
    `sync (4 targets in parallel, POST /sync/trigger): ${(
      r.syncMs / 1000
    ).toFixed(1)} s; runs ${r.statuses.join('/')}; ${r.stored} services stored`,
  );
  console.log('| operation | calls | minimum | simulator saw |');
  console.log('|---|---:|---:|---:|');
  for (const op of Object.keys({ ...r.minimum.total, ...r.calls })) {
    console.log(
      `| ${op} | ${r.calls[op] ?? 0} | ${r.minimum.total[op] ?? 0} | ${
        r.simSaw[op] ?? 0
      } |`,
    );
  }
  console.log(
    `GetMetricData minimum with hindsight: ${r.minimum.hindsightGetMetricData}`,
  );
  console.log(
    `backend RSS: ${r.idleRssMiB} MiB after start, peak ${r.syncPeakRssMiB} MiB during the sync, ${r.peakRssMiB} MiB incl. endpoint load`,
  );
  console.log(`database size: ${(r.dbBytes / 1048576).toFixed(1)} MiB`);
  console.log(
    `GET /fleet p50 ${r.fleet.p50.toFixed(1)} ms, p95 ${r.fleet.p95.toFixed(
      1,
    )} ms (300 requests); GET /entity-services p50 ${r.entity.p50.toFixed(
      1,
    )} ms, p95 ${r.entity.p95.toFixed(1)} ms (200 requests)`,
  );
}

async function main() {
  console.log(
    `# fleet scale: ${SIZES.join(', ')} services, ${
      ACCOUNTS.length
    } accounts × ${REGIONS.length} Regions, ${LATENCY} ms latency, limit ${
      LIMIT_MS / 60_000
    } min a sync; load ${os
      .loadavg()
      .map(l => l.toFixed(2))
      .join(' ')}, ${os.cpus().length} CPUs`,
  );
  for (const services of SIZES) {
    for (const kind of DBS) {
      report(await benchOne(services, kind));
    }
  }
}

main().then(
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
