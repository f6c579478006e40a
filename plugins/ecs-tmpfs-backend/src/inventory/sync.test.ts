import { TestDatabases } from '@backstage/backend-test-utils';
import {
  AwsSimulator,
  createMswHandlers,
  generateFleet,
} from '@internal/ecs-aws-simulator';
import { setupServer } from 'msw/node';
import { fleetShape } from './__testUtils__/fleetShape';
import { createSyncHarness, TEST_SETTINGS } from './__testUtils__/syncHarness';
import { TABLES } from './store/rows';
import { minimumCalls } from './sync/minimumCalls';
import { periodsInWindow, metricsWindow } from './sync/collectMetrics';
import { metricBatchSize } from './sync/limits';

jest.setTimeout(120_000);

const ACCOUNT = '111111111111';
const EAST = { accountId: ACCOUNT, region: 'us-east-1' };
const WEST = { accountId: ACCOUNT, region: 'eu-west-1' };

const PERIODS = periodsInWindow(
  metricsWindow(
    new Date(),
    TEST_SETTINGS.metricsWindowDays,
    TEST_SETTINGS.metricsPeriodSeconds,
  ),
);

describe('ECS/CloudWatch sync against the simulator', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
  // 2 Regions, 6 clusters, 700 services: clusters beyond 100 services page ListServices, and
  // a Region's metric queries need more than one GetMetricData batch.
  const fleet = generateFleet({
    accounts: [ACCOUNT],
    regions: ['us-east-1', 'eu-west-1'],
    clusters: 6,
    services: 700,
    seed: 42,
  });
  let sim: AwsSimulator;
  const server = setupServer();

  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());
  beforeEach(() => {
    sim = new AwsSimulator({ fleet: structuredClone(fleet), seed: 3 });
    server.resetHandlers(...createMswHandlers(sim));
  });

  it.each(databases.eachSupportedId())(
    'syncs with the minimum calls, then re-syncs without DescribeTaskDefinition, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { runner, store } = await createSyncHarness(knex, sim.fleet);

      const expected = minimumCalls(
        fleetShape(sim.fleet, ACCOUNT, 'us-east-1', {
          storedRevisions: new Set(),
          periodsPerQuery: PERIODS,
        }),
      );
      expect(expected.ListServices).toBeGreaterThan(3);
      expect(expected.GetMetricData).toBeGreaterThan(1);

      const first = await runner.run(EAST, 'manual');
      expect(first.errors).toEqual([]);
      expect(first.status).toBe('succeeded');
      expect(first.apiCalls).toEqual(expected);
      expect(first.apiRetries).toEqual({});
      expect(sim.callCounts()).toEqual(expected);

      const services = sim.fleet.accounts[ACCOUNT].regions[
        'us-east-1'
      ].clusters.flatMap(c => c.services);
      expect(first.services).toBe(services.length);
      expect(first.newRevisions).toBe(expected.DescribeTaskDefinition);
      const [{ count }] = await knex(TABLES.services).count({ count: '*' });
      expect(Number(count)).toBe(services.length);

      // Stored task definitions keep env names but never values.
      const bodies = await knex(TABLES.taskDefinitions).select('body');
      const planted = Object.values(sim.fleet.taskDefinitions).flatMap(td =>
        ((td.taskDefinition.containerDefinitions as any[]) ?? []).flatMap(
          (c: any) =>
            (c.environment ?? [])
              .filter((e: any) => e.name === 'DB_PASSWORD')
              .map((e: any) => e.value as string),
        ),
      );
      expect(planted.length).toBeGreaterThan(0);
      const stored = bodies.map(b => b.body).join('\n');
      for (const secret of planted) expect(stored).not.toContain(secret);
      expect(stored).toContain('DB_PASSWORD');

      // Headroom: services without metrics are unknown, never ok or 0.
      const noMetrics = services.find(s => !s.memory.hasMetrics)!;
      const [row] = await store.servicesByArns([noMetrics.serviceArn]);
      expect(row.status).toBe('unknown');
      expect(row.headroom_mib).toBeNull();
      const withInsights = services.find(
        s => s.memory.hasMetrics && s.memory.containerInsights,
      )!;
      const metrics = await store.metricsOf([withInsights.serviceArn]);
      expect(metrics.get(withInsights.serviceArn)?.source).toBe(
        'container-insights',
      );
      const [measured] = await store.servicesByArns([withInsights.serviceArn]);
      expect(Number(measured.observed_peak_mib)).toBeGreaterThan(0);
      expect(['ok', 'low', 'exhausted']).toContain(measured.status);

      sim.resetCalls();
      const second = await runner.run(EAST, 'schedule');
      expect(second.status).toBe('succeeded');
      expect(second.newRevisions).toBe(0);
      expect(second.apiCalls.DescribeTaskDefinition).toBeUndefined();
      expect(sim.callCounts().DescribeTaskDefinition).toBeUndefined();
      const { DescribeTaskDefinition: _, ...rest } = expected;
      expect(second.apiCalls).toEqual(rest);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps a denied Region stale, marks a deleted service gone, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { runner, store } = await createSyncHarness(knex, sim.fleet);
      await runner.run(EAST, 'schedule');
      await runner.run(WEST, 'schedule');
      const westArns = sim.fleet.accounts[ACCOUNT].regions['eu-west-1'].clusters
        .flatMap(c => c.services)
        .map(s => s.serviceArn);
      const eastArns = sim.fleet.accounts[ACCOUNT].regions['us-east-1'].clusters
        .flatMap(c => c.services)
        .map(s => s.serviceArn);

      sim.faults.deniedRegions = ['eu-west-1'];
      sim.deleteService(eastArns[0]);
      const denied = await runner.run(WEST, 'schedule');
      const ok = await runner.run(EAST, 'schedule');

      expect(denied.status).toBe('failed');
      expect(denied.errors.join()).toMatch(/AccessDenied/);
      const westRows = await store.servicesByArns(westArns);
      expect(westRows).toHaveLength(westArns.length);
      for (const r of westRows) {
        expect(r.stale_since).not.toBeNull();
        expect(r.stale_error).toMatch(/AccessDenied/);
        expect(r.gone_since).toBeNull();
      }

      expect(ok.status).toBe('succeeded');
      expect(ok.goneServices).toBe(1);
      const [gone] = await store.servicesByArns([eastArns[0]]);
      expect(gone.gone_since).not.toBeNull();
      const [kept] = await store.servicesByArns([eastArns[1]]);
      expect(kept.gone_since).toBeNull();
      expect(kept.stale_since).toBeNull();

      // Recovery clears the stale mark.
      sim.faults.deniedRegions = [];
      const recovered = await runner.run(WEST, 'schedule');
      expect(recovered.status).toBe('succeeded');
      const [fresh] = await store.servicesByArns([westArns[0]]);
      expect(fresh.stale_since).toBeNull();
    },
  );

  it.each(databases.eachSupportedId())(
    'recovers from throttling with adaptive retry and counts the retries, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      // A small fleet: adaptive retry slows the client down after each throttle.
      sim = new AwsSimulator({
        fleet: generateFleet({
          accounts: [ACCOUNT],
          regions: ['us-east-1'],
          clusters: 2,
          services: 30,
          seed: 5,
        }),
        seed: 9,
        faults: { throttleRate: 0.15 },
      });
      server.resetHandlers(...createMswHandlers(sim));
      const { runner, store } = await createSyncHarness(knex, sim.fleet);
      const run = await runner.run(EAST, 'schedule');
      expect(run.errors).toEqual([]);
      expect(run.status).toBe('succeeded');
      const retries = Object.values(run.apiRetries).reduce((a, b) => a + b, 0);
      expect(retries).toBeGreaterThan(0);
      const attempts = Object.values(run.apiCalls).reduce((a, b) => a + b, 0);
      expect(attempts).toBe(sim.calls.length);
      expect(sim.calls.filter(c => c.outcome === 'throttled')).toHaveLength(
        retries,
      );
      const expected = minimumCalls(
        fleetShape(sim.fleet, ACCOUNT, 'us-east-1', {
          storedRevisions: new Set(),
          periodsPerQuery: PERIODS,
        }),
      );
      const successful = Object.fromEntries(
        Object.entries(run.apiCalls).map(([op, n]) => [
          op,
          n - (run.apiRetries[op] ?? 0),
        ]),
      );
      expect(successful).toEqual(expected);
      expect(
        await store.servicesByArns(
          sim.fleet.accounts[ACCOUNT].regions['us-east-1'].clusters
            .flatMap(c => c.services)
            .map(s => s.serviceArn),
        ),
      ).toHaveLength(run.services);
    },
  );

  it('picks GetMetricData batches that fill CloudWatch pages', () => {
    expect(metricBatchSize(60)).toBe(500);
    expect(metricBatchSize(288)).toBe(350);
    expect(metricBatchSize(4032)).toBe(500);
  });
});
