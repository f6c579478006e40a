import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { generateFleet } from '@internal/ecs-aws-simulator';
import { API, syncEverything } from './harness/api';
import { servicesOf, targetKey, targetsOf } from './harness/fleet';
import {
  startInProcessBackend,
  type InProcessBackend,
} from './harness/testBackend';

jest.setTimeout(process.env.RELIABILITY_LONG === '1' ? 900_000 : 180_000);

const USER = mockCredentials.user.header('user:default/operator');
const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const ACCOUNTS = ['111111111111', '222222222222', '333333333333'];
const REGIONS = ['us-east-1', 'eu-west-1'];
const LONG = process.env.RELIABILITY_LONG === '1';
const THROTTLED_SERVICES = LONG ? 400 : 80;
const THROTTLED_SYNC_LIMIT_MS = LONG ? 600_000 : 60_000;

describe.each(databases.eachSupportedId())('AWS faults on %p', id => {
  let backend: InProcessBackend | undefined;
  afterEach(async () => {
    await backend?.stop();
    backend = undefined;
  });

  it('completes a sync with a third of all AWS calls throttled, every service present', async () => {
    const knex = await databases.init(id);
    const fleet = generateFleet({
      accounts: ACCOUNTS.slice(0, 2),
      regions: REGIONS,
      clusters: 4,
      services: THROTTLED_SERVICES,
      seed: 8,
    });
    backend = await startInProcessBackend({
      knex,
      fleet,
      simulator: { faults: { throttleRate: 1 / 3 }, seed: 11 },
    });
    const t0 = Date.now();
    const runs = await syncEverything(
      backend.api(USER),
      THROTTLED_SYNC_LIMIT_MS,
    );
    // Adaptive retry slows the client down a lot: keep the bound honest but finite.
    expect(Date.now() - t0).toBeLessThan(THROTTLED_SYNC_LIMIT_MS);

    expect(runs).toHaveLength(4);
    expect(runs.map(r => [targetKey(r), r.status, r.errors]).sort()).toEqual(
      targetsOf(fleet)
        .map(t => [targetKey(t), 'succeeded', []])
        .sort(),
    );
    const calls = backend.sim.calls;
    const throttled = calls.filter(c => c.outcome === 'throttled').length;
    // Each call is throttled with probability 1/3 (at most a few in a row per target).
    expect(throttled / calls.length).toBeGreaterThan(0.1);
    expect(throttled / calls.length).toBeLessThan(0.45);
    // Every throttled call was retried, and the runs say so.
    const retries = runs
      .flatMap(r => Object.values((r as any).apiRetries ?? {}) as number[])
      .reduce((a, b) => a + b, 0);
    expect(retries).toBe(throttled);
    expect(calls.filter(c => !['ok', 'throttled'].includes(c.outcome))).toEqual(
      [],
    );

    const expected = servicesOf(fleet)
      .map(s => s.serviceArn)
      .sort();
    expect(expected).toHaveLength(THROTTLED_SERVICES);
    const rows = await knex('ecs_tmpfs_services')
      .select('service_arn', 'task_definition_arn', 'stale_since', 'gone_since')
      .orderBy('service_arn');
    expect(rows.map(r => r.service_arn)).toEqual(expected);
    const byArn = new Map(servicesOf(fleet).map(s => [s.serviceArn, s]));
    for (const row of rows) {
      expect(row.task_definition_arn).toBe(
        byArn.get(row.service_arn)!.taskDefinition,
      );
      expect(row.stale_since).toBeNull();
      expect(row.gone_since).toBeNull();
    }
    const fleetRes = await backend.api(USER).get(`${API}/fleet?limit=1`);
    expect(fleetRes.body.totalCount).toBe(THROTTLED_SERVICES);
  });

  it('keeps a denied account and a timed-out Region stale with their last good rows, updates the others, deletes nothing', async () => {
    const knex = await databases.init(id);
    const fleet = generateFleet({
      accounts: ACCOUNTS,
      regions: REGIONS,
      clusters: 6,
      services: 240,
      seed: 9,
    });
    backend = await startInProcessBackend({
      knex,
      fleet,
      simulator: { seed: 12, hangLimitMs: 200 },
    });
    const api = backend.api(USER);
    const first = await syncEverything(api);
    expect(first.map(r => r.status)).toEqual(Array(6).fill('succeeded'));
    const before = await knex('ecs_tmpfs_services').orderBy('service_arn');
    expect(before).toHaveLength(240);

    // One service goes away in every target: only the reachable ones may notice.
    const removed = new Map(
      targetsOf(fleet).map(t => [targetKey(t), servicesOf(fleet, t)[0]]),
    );
    for (const s of removed.values()) backend.sim.deleteService(s.serviceArn);
    backend.sim.faults.deniedAccounts = ['222222222222'];
    backend.sim.faults.timeoutRegions = ['eu-west-1'];

    const second = await syncEverything(api, 150_000);
    const statusOf = Object.fromEntries(
      second.map(r => [targetKey(r), r.status]),
    );
    expect(
      second
        .filter(r => r.region === 'us-east-1' && r.accountId !== '222222222222')
        .map(r => r.errors),
    ).toEqual([[], []]);
    expect(statusOf).toEqual({
      '111111111111/us-east-1': 'succeeded',
      '111111111111/eu-west-1': 'failed',
      '222222222222/us-east-1': 'failed',
      '222222222222/eu-west-1': 'failed',
      '333333333333/us-east-1': 'succeeded',
      '333333333333/eu-west-1': 'failed',
    });

    const after = await knex('ecs_tmpfs_services').orderBy('service_arn');
    // Nothing deleted: the same 240 rows.
    expect(after.map(r => r.service_arn)).toEqual(
      before.map(r => r.service_arn),
    );
    const beforeByArn = new Map(before.map(r => [r.service_arn, r]));
    // Owners come from the catalog, refreshed after every sync whatever AWS answered.
    const awsFields = (r: Record<string, unknown>) => {
      const {
        stale_since: _s,
        stale_error: _e,
        owner: _o,
        owner_source: _os,
        entity_ref: _r,
        ...rest
      } = r;
      return rest;
    };
    const reachableRows = after.filter(
      r => statusOf[`${r.account_id}/${r.region}`] === 'succeeded',
    );
    const staleRows = after.filter(
      r => statusOf[`${r.account_id}/${r.region}`] !== 'succeeded',
    );
    const goneArns = new Set([...removed.values()].map(s => s.serviceArn));
    const goneRows = reachableRows.filter(r => goneArns.has(r.service_arn));
    const updatedRows = reachableRows.filter(r => !goneArns.has(r.service_arn));
    expect(reachableRows.filter(r => r.stale_since !== null)).toEqual([]);
    expect(goneRows.filter(r => r.gone_since === null)).toEqual([]);
    expect(updatedRows.filter(r => r.gone_since !== null)).toEqual([]);
    expect(
      updatedRows.filter(
        r =>
          new Date(r.last_synced_at).getTime() <=
          new Date(beforeByArn.get(r.service_arn)!.last_synced_at).getTime(),
      ),
    ).toEqual([]);
    // Unreachable targets keep their last good row, unchanged but for the stale mark.
    expect(staleRows.map(awsFields)).toEqual(
      staleRows.map(r => awsFields(beforeByArn.get(r.service_arn)!)),
    );
    expect(staleRows.filter(r => r.stale_since === null)).toEqual([]);
    expect(
      staleRows.filter(
        r =>
          !(
            r.account_id === '222222222222'
              ? /AccessDenied/
              : /RequestTimeout|time/i
          ).test(r.stale_error),
      ),
    ).toEqual([]);
    const counts = {
      updated: updatedRows.length,
      gone: goneRows.length,
      stale: staleRows.length,
    };
    const reachable = targetsOf(fleet).filter(
      t => statusOf[targetKey(t)] === 'succeeded',
    );
    const reachableServices = reachable.flatMap(t => servicesOf(fleet, t));
    expect(counts).toEqual({
      updated: reachableServices.length,
      gone: 2,
      stale: 240 - reachableServices.length - 2,
    });
  });
});
