/*
 * Ingestion benchmark (issue 5): syncs a simulated fleet of 5,000 services in 100 clusters
 * across 2 accounts × 2 Regions, with 20 ms simulated AWS latency, into SQLite and PostgreSQL,
 * then measures the fleet and entity endpoints at that size.
 *
 *   yarn bench:sync [--services 5000] [--clusters 100] [--latency 20] [--db sqlite,postgres]
 *
 * The simulator runs in a child process (its CPU and memory are not counted as the sync's);
 * PostgreSQL comes from BENCH_POSTGRES_URL (default postgresql://postgres@127.0.0.1:5432).
 */
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import os from 'node:os';
import fs from 'node:fs';
import express from 'express';
import knexFactory, { type Knex } from 'knex';
import { ConfigReader } from '@backstage/config';
import type {
  AuditorService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { generateFleet } from '@internal/ecs-aws-simulator';
import { DefaultAwsClientFactory } from '@internal/plugin-ecs-tmpfs-node';
import { applyDatabaseMigrations } from '../../plugins/ecs-tmpfs-backend/src/database/migrations';
import { createInventory } from '../../plugins/ecs-tmpfs-backend/src/inventory';
import { refreshOwners } from '../../plugins/ecs-tmpfs-backend/src/inventory/mapping/ownerMapping';
import { InventoryStore } from '../../plugins/ecs-tmpfs-backend/src/inventory/store/InventoryStore';
import { startSimulatorProcess } from './simulatorProcess';
import { SyncRunner } from '../../plugins/ecs-tmpfs-backend/src/inventory/sync/SyncRunner';
import { minimumCalls } from '../../plugins/ecs-tmpfs-backend/src/inventory/sync/minimumCalls';
import {
  metricsWindow,
  periodsInWindow,
} from '../../plugins/ecs-tmpfs-backend/src/inventory/sync/collectMetrics';

function arg(name: string, fallback: string) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}
const SERVICES = Number(arg('services', '5000'));
const CLUSTERS = Number(arg('clusters', '100'));
const LATENCY = Number(arg('latency', '20'));
const DBS = arg('db', 'sqlite,postgres').split(',');
const ACCOUNTS = ['111111111111', '222222222222'];
const REGIONS = ['us-east-1', 'eu-west-1'];
const SEED = 1;
const PORT = 4610 + Math.floor(Math.random() * 300);
const SIM_URL = `http://127.0.0.1:${PORT}`;
const SETTINGS = {
  metricsWindowDays: 14,
  metricsPeriodSeconds: 300,
  headroomThreshold: 0.1,
};

// The jest-based mocks of backend-test-utils do not run outside jest.
const silentLogger: LoggerService = {
  error() {},
  warn() {},
  info() {},
  debug() {},
  child: () => silentLogger,
};

function startSimulator(): Promise<ChildProcess> {
  return startSimulatorProcess({
    port: PORT,
    services: SERVICES,
    clusters: CLUSTERS,
    accounts: ACCOUNTS,
    regions: REGIONS,
    latency: LATENCY,
    seed: SEED,
  });
}

async function simCalls(): Promise<Record<string, number>> {
  const res = await fetch(`${SIM_URL}/_simulator/calls`);
  return ((await res.json()) as { counts: Record<string, number> }).counts;
}
async function resetSimCalls() {
  await fetch(`${SIM_URL}/_simulator/reset-calls`, { method: 'POST' });
}

function config() {
  return new ConfigReader({
    aws: {
      accounts: ACCOUNTS.map(accountId => ({
        accountId,
        accessKeyId: `SIMULATOR${accountId}`,
        secretAccessKey: 'simulator-secret',
      })),
    },
    ecsTmpfs: {
      targets: ACCOUNTS.map(accountId => ({ accountId, regions: REGIONS })),
      endpoints: { ecs: SIM_URL, cloudwatch: SIM_URL },
      sync: { enabled: false },
    },
  });
}

function sum(a: Record<string, number>, b: Record<string, number>) {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0) + v;
  return out;
}

function percentile(values: number[], p: number) {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[
    Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  ];
}

async function database(
  kind: string,
): Promise<{ knex: Knex; drop(): Promise<void> }> {
  if (kind === 'sqlite') {
    const file = path.join(
      os.tmpdir(),
      `ecs-tmpfs-bench-${process.pid}.sqlite`,
    );
    fs.rmSync(file, { force: true });
    const knex = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: file },
      useNullAsDefault: true,
    });
    return {
      knex,
      async drop() {
        await knex.destroy();
        fs.rmSync(file, { force: true });
      },
    };
  }
  const base =
    process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432';
  const name = `ecs_tmpfs_bench_${process.pid}`;
  const admin = knexFactory({ client: 'pg', connection: `${base}/postgres` });
  await admin.raw(`CREATE DATABASE ${name}`);
  const knex = knexFactory({ client: 'pg', connection: `${base}/${name}` });
  return {
    knex,
    async drop() {
      await knex.destroy();
      await admin.raw(`DROP DATABASE ${name}`);
      await admin.destroy();
    },
  };
}

async function benchOne(kind: string) {
  const fleet = generateFleet({
    accounts: ACCOUNTS,
    regions: REGIONS,
    clusters: CLUSTERS,
    services: SERVICES,
    seed: SEED,
  });
  const { knex, drop } = await database(kind);
  try {
    await applyDatabaseMigrations(knex);
    const cfg = config();
    const clients = DefaultAwsClientFactory.fromConfig(cfg, {
      logger: silentLogger,
    });
    const store = new InventoryStore(knex);
    const runner = new SyncRunner({
      store,
      clients,
      logger: silentLogger,
      settings: SETTINGS,
    });
    const periods = periodsInWindow(
      metricsWindow(
        new Date(),
        SETTINGS.metricsWindowDays,
        SETTINGS.metricsPeriodSeconds,
      ),
    );

    let minimum: Record<string, number> = {};
    // with hindsight: knowing which services publish no metrics (their queries cost no datapoints)
    let hindsightGetMetricData = 0;
    for (const accountId of ACCOUNTS) {
      for (const region of REGIONS) {
        const clusters = fleet.accounts[accountId].regions[region].clusters;
        minimum = sum(
          minimum,
          minimumCalls({
            clusters: clusters.map(c => ({
              services: c.services.length,
              containerInsights: c.containerInsights,
            })),
            unknownRevisions: new Set(
              clusters.flatMap(c => c.services.map(s => s.taskDefinition)),
            ).size,
            periodsPerQuery: periods,
          }),
        );
        hindsightGetMetricData += minimumCalls({
          clusters: clusters.map(c => ({
            services: c.services.length,
            containerInsights: c.containerInsights,
          })),
          unknownRevisions: 0,
          periodsPerQuery: periods,
          servicesWithoutMetrics: clusters.flatMap(c =>
            c.services
              .filter(s => !s.memory.hasMetrics)
              .map(() => ({ containerInsights: c.containerInsights })),
          ),
        }).GetMetricData;
      }
    }

    let peakRss = 0;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 50);

    const syncAll = async () => {
      const started = Date.now();
      let calls: Record<string, number> = {};
      let retries: Record<string, number> = {};
      let services = 0;
      let newRevisions = 0;
      const statuses: string[] = [];
      for (const t of clients.targets()) {
        const run = await runner.run(t, 'manual');
        calls = sum(calls, run.apiCalls);
        retries = sum(retries, run.apiRetries);
        services += run.services;
        newRevisions += run.newRevisions;
        statuses.push(run.status);
      }
      return {
        wallMs: Date.now() - started,
        calls,
        retries,
        services,
        newRevisions,
        statuses,
      };
    };

    await resetSimCalls();
    const first = await syncAll();
    const firstSim = await simCalls();
    await resetSimCalls();
    const second = await syncAll();
    const secondSim = await simCalls();
    clearInterval(sampler);

    // Owners from a catalog with one entity per 50 services (ARN lists) plus team-tag owners.
    const all = await store.servicesForMapping();
    const entities = [];
    for (let i = 0; i < all.length; i += 50) {
      entities.push({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: `svc-${i}`,
          namespace: 'default',
          annotations: {
            'aws.amazon.com/amazon-ecs-service-arn': all
              .slice(i, i + 3)
              .map(s => s.serviceArn)
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
    const catalog = catalogServiceMock({ entities });
    const inventory = await createInventory({
      logger: silentLogger,
      config: cfg,
      db: knex,
      scheduler: {} as SchedulerService, // the schedule is off (sync.enabled: false)
      auth: mockServices.auth(),
      httpAuth: mockServices.httpAuth({
        defaultCredentials: mockCredentials.user(),
      }),
      permissions: mockServices.permissions(),
      auditor: {
        createEvent: async () => ({
          success: async () => {},
          fail: async () => {},
        }),
      } as AuditorService,
      catalog,
      clients,
    });
    const mapStarted = Date.now();
    const mapped = await refreshOwners({
      store,
      catalog,
      auth: mockServices.auth(),
      logger: silentLogger,
    });
    const mapMs = Date.now() - mapStarted;

    const app = express();
    app.use('/api/ecs-tmpfs', inventory.router);
    app.use(
      MiddlewareFactory.create({ config: cfg, logger: silentLogger }).error(),
    );
    const server = app.listen(0);
    const port = (server.address() as { port: number }).port;
    const base = `http://127.0.0.1:${port}/api/ecs-tmpfs`;
    const time = async (url: string) => {
      const t = process.hrtime.bigint();
      const res = await fetch(url);
      const body = await res.text();
      if (res.status !== 200) throw new Error(`${url}: ${res.status} ${body}`);
      return Number(process.hrtime.bigint() - t) / 1e6;
    };
    const fleetUrls = [
      `${base}/fleet`,
      `${base}/fleet?sort=headroomRatio&order=asc&limit=100`,
      `${base}/fleet?owner=group:default/team-3&sort=findings&order=desc`,
      `${base}/fleet?status=low&status=exhausted&accountId=111111111111`,
      `${base}/fleet?search=api&region=eu-west-1&offset=20`,
      `${base}/fleet?sort=serviceName&offset=4000&limit=100`,
    ];
    const entityUrls = entities.map(
      e =>
        `${base}/entity-services?entityRef=component:default/${e.metadata.name}`,
    );
    for (const u of [...fleetUrls, ...entityUrls.slice(0, 5)]) await time(u); // warm-up
    const fleetTimes: number[] = [];
    for (let i = 0; i < 300; i++)
      fleetTimes.push(await time(fleetUrls[i % fleetUrls.length]));
    const entityTimes: number[] = [];
    for (let i = 0; i < 200; i++)
      entityTimes.push(await time(entityUrls[i % entityUrls.length]));
    const csvStarted = Date.now();
    await time(`${base}/fleet.csv`);
    const csvMs = Date.now() - csvStarted;
    server.close();

    return {
      kind,
      minimum,
      hindsightGetMetricData,
      first,
      firstSim,
      second,
      secondSim,
      peakRssMiB: Math.round(peakRss / 1048576),
      mapMs,
      mapped,
      fleet: {
        p50: percentile(fleetTimes, 50),
        p95: percentile(fleetTimes, 95),
      },
      entity: {
        p50: percentile(entityTimes, 50),
        p95: percentile(entityTimes, 95),
      },
      csvMs,
    };
  } finally {
    await drop();
  }
}

async function main() {
  const sim = await startSimulator();
  try {
    console.log(
      `# ${SERVICES} services, ${CLUSTERS} clusters, ${
        ACCOUNTS.length
      } accounts × ${REGIONS.length} Regions, ${LATENCY} ms latency; load ${os
        .loadavg()
        .map(l => l.toFixed(2))
        .join(' ')}, ${os.cpus().length} CPUs`,
    );
    for (const kind of DBS) {
      const r = await benchOne(kind);
      const ops = Object.keys({ ...r.minimum, ...r.first.calls });
      console.log(`\n## ${kind}`);
      console.log(
        `first sync: ${(r.first.wallMs / 1000).toFixed(1)} s, ${
          r.first.services
        } services, ${
          r.first.newRevisions
        } new revisions, runs ${r.first.statuses.join('/')}`,
      );
      console.log(
        '| operation | calls (first sync) | theoretical minimum | simulator saw | re-sync calls | re-sync minimum |',
      );
      console.log('|---|---:|---:|---:|---:|---:|');
      for (const op of ops) {
        const resyncMin =
          op === 'DescribeTaskDefinition' ? 0 : r.minimum[op] ?? 0;
        console.log(
          `| ${op} | ${r.first.calls[op] ?? 0} | ${r.minimum[op] ?? 0} | ${
            r.firstSim[op] ?? 0
          } | ${r.second.calls[op] ?? 0} | ${resyncMin} |`,
        );
      }
      console.log(
        `GetMetricData lower bound with hindsight (silent services cost no datapoints): ${r.hindsightGetMetricData}`,
      );
      console.log(
        `retries: first ${JSON.stringify(
          r.first.retries,
        )}, re-sync ${JSON.stringify(r.second.retries)}`,
      );
      console.log(
        `re-sync: ${(r.second.wallMs / 1000).toFixed(1)} s, ${
          r.second.newRevisions
        } new revisions, DescribeTaskDefinition calls ${
          r.second.calls.DescribeTaskDefinition ?? 0
        }`,
      );
      console.log(`peak RSS of the syncing process: ${r.peakRssMiB} MiB`);
      console.log(
        `owner mapping: ${r.mapMs} ms (${r.mapped.entities} entities, ${r.mapped.changed} rows changed)`,
      );
      console.log(
        `GET /fleet: p50 ${r.fleet.p50.toFixed(
          1,
        )} ms, p95 ${r.fleet.p95.toFixed(1)} ms (300 requests, 6 query shapes)`,
      );
      console.log(
        `GET /entity-services: p50 ${r.entity.p50.toFixed(
          1,
        )} ms, p95 ${r.entity.p95.toFixed(
          1,
        )} ms (200 requests, 3 services each)`,
      );
      console.log(`GET /fleet.csv (all ${SERVICES} rows): ${r.csvMs} ms`);
    }
  } finally {
    sim.kill('SIGTERM');
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
