import {
  AwsSimulator,
  generateFleet,
  startSimulatorServer,
  type Fleet,
  type SimulatorServer,
} from '@internal/ecs-aws-simulator';
import type {
  SyncRun,
  SyncStatusResponse,
} from '@internal/plugin-ecs-tmpfs-common';
import type { Knex } from 'knex';
import { API, syncEverything } from './harness/api';
import {
  startBackendProcess,
  type BackendProcess,
} from './harness/backendProcess';
import {
  dropDatabases,
  pluginDatabase,
  randomDatabasePrefix,
} from './harness/database';
import { servicesOf, targetKey, targetsOf } from './harness/fleet';

jest.setTimeout(300_000);

/** Two accounts of very different size, so one finishes its sync long before the other. */
function unevenFleet(): Fleet {
  const small = generateFleet({
    accounts: ['111111111111'],
    regions: ['us-east-1', 'eu-west-1'],
    clusters: 2,
    services: 24,
    seed: 31,
  });
  const large = generateFleet({
    accounts: ['222222222222'],
    regions: ['us-east-1', 'eu-west-1'],
    clusters: 4,
    services: 240,
    seed: 32,
  });
  return {
    ...small,
    accounts: { ...small.accounts, ...large.accounts },
    taskDefinitions: { ...small.taskDefinitions, ...large.taskDefinitions },
  };
}

/** A target's service rows reduced to what a sync decides: revision and whether it is gone. */
type TargetState = Record<string, string[]>;

function rowState(
  rows: Array<{
    account_id: string;
    region: string;
    service_arn: string;
    task_definition_arn: string;
    gone_since: unknown;
  }>,
): TargetState {
  const state: TargetState = {};
  for (const r of rows) {
    const key = `${r.account_id}/${r.region}`;
    (state[key] ??= []).push(
      `${r.service_arn} ${r.task_definition_arn} ${
        r.gone_since ? 'gone' : 'live'
      }`,
    );
  }
  for (const list of Object.values(state)) list.sort();
  return state;
}

function fleetState(fleet: Fleet, gone: Map<string, string> = new Map()) {
  const state: TargetState = {};
  for (const t of targetsOf(fleet)) {
    state[targetKey(t)] = servicesOf(fleet, t).map(
      s => `${s.serviceArn} ${s.taskDefinition} live`,
    );
  }
  for (const [arn, line] of gone) {
    const [, , , region, account] = arn.split(':');
    state[`${account}/${region}`].push(line);
  }
  for (const list of Object.values(state)) list.sort();
  return state;
}

const serviceRows = (db: Knex) =>
  db('ecs_tmpfs_services').select(
    'account_id',
    'region',
    'service_arn',
    'task_definition_arn',
    'gone_since',
  );

describe('backend process killed (SIGKILL) in the middle of a sync', () => {
  const prefix = randomDatabasePrefix();
  const processes: BackendProcess[] = [];
  let simulator: SimulatorServer | undefined;
  let db: Knex | undefined;

  afterAll(async () => {
    for (const p of processes) await p.kill();
    await db?.destroy();
    await simulator?.close();
    await dropDatabases(prefix);
  });

  it('leaves every account × Region at the old or the new state, never a mix, and the next sync completes', async () => {
    const fleet = unevenFleet();
    // Latency stretches the large account's sync to seconds, so the kill lands inside it.
    const sim = new AwsSimulator({ fleet, faults: { latencyMs: 30 } });
    simulator = await startSimulatorServer(sim, { port: 0, host: '127.0.0.1' });
    const start = async () => {
      const p = await startBackendProcess({
        fleet,
        simulatorUrl: simulator!.url,
        databasePrefix: prefix,
      });
      processes.push(p);
      return p;
    };

    const first = await start();
    const firstRuns = await syncEverything(first.api, 120_000);
    expect(firstRuns.map(r => r.status)).toEqual(Array(4).fill('succeeded'));
    db = pluginDatabase(prefix);
    const stateA = fleetState(fleet);
    expect(rowState(await serviceRows(db))).toEqual(stateA);

    // State B: in every target two services get another revision of their Region and one is
    // deleted (its row stays, marked gone).
    const gone = new Map<string, string>();
    for (const t of targetsOf(fleet)) {
      const services = servicesOf(fleet, t);
      const revisions = [...new Set(services.map(s => s.taskDefinition))];
      for (const s of services.slice(0, 2)) {
        const other = revisions.find(r => r !== s.taskDefinition)!;
        sim.deployTaskDefinition(s.serviceArn, other);
      }
      const removed = services[2];
      sim.deleteService(removed.serviceArn);
      gone.set(
        removed.serviceArn,
        `${removed.serviceArn} ${removed.taskDefinition} gone`,
      );
    }
    const stateB = fleetState(fleet, gone);
    for (const key of Object.keys(stateA)) {
      expect(stateB[key]).not.toEqual(stateA[key]);
    }

    // Kill once the small account's runs are done and the large account's are still running.
    const trigger = await first.api.post(`${API}/sync/trigger`, {});
    expect(trigger.status).toBe(202);
    const runIds = (trigger.body.runs as SyncRun[]).map(r => r.id);
    const deadline = Date.now() + 120_000;
    let atKill: SyncRun[] = [];
    for (;;) {
      const status = (await first.api.get(`${API}/sync/status`))
        .body as SyncStatusResponse;
      const runs = runIds.map(id => status.history.find(r => r.id === id)!);
      const small = runs.filter(r => r.accountId === '111111111111');
      const large = runs.filter(r => r.accountId === '222222222222');
      if (large.every(r => r.status !== 'running')) {
        throw new Error(
          'the whole sync finished before the kill: no mid-sync crash to test',
        );
      }
      if (small.every(r => r.status === 'succeeded')) {
        atKill = runs;
        await first.kill();
        break;
      }
      if (Date.now() > deadline) throw new Error('sync did not progress');
      await new Promise(r => setTimeout(r, 20));
    }
    expect(first.child.signalCode).toBe('SIGKILL');
    const largeAtKill = atKill.filter(r => r.accountId === '222222222222');
    expect(largeAtKill.map(r => r.status)).toEqual(['running', 'running']);

    // Restarted, before any sync: each target is exactly A or exactly B.
    const second = await start();
    const afterCrash = rowState(await serviceRows(db));
    expect(Object.keys(afterCrash).sort()).toEqual(Object.keys(stateA).sort());
    const verdict: Record<string, 'A' | 'B' | 'mix'> = {};
    for (const [key, rows] of Object.entries(afterCrash)) {
      if (JSON.stringify(rows) === JSON.stringify(stateA[key]))
        verdict[key] = 'A';
      else if (JSON.stringify(rows) === JSON.stringify(stateB[key]))
        verdict[key] = 'B';
      else verdict[key] = 'mix';
    }
    expect(Object.values(verdict).filter(v => v === 'mix')).toEqual([]);
    // The small account's runs had committed before the kill.
    expect(verdict['111111111111/us-east-1']).toBe('B');
    expect(verdict['111111111111/eu-west-1']).toBe('B');
    // The killed runs are still recorded as running: nothing in the process marked them.
    const killedRows = await db('ecs_tmpfs_sync_runs')
      .whereIn(
        'id',
        largeAtKill.map(r => r.id),
      )
      .select('status');
    expect(killedRows.map(r => r.status)).toEqual(['running', 'running']);

    // The next sync completes and brings every target to B.
    const next = await syncEverything(second.api, 120_000);
    expect(next.map(r => [targetKey(r), r.status]).sort()).toEqual(
      targetsOf(fleet)
        .map(t => [targetKey(t), 'succeeded'])
        .sort(),
    );
    expect(rowState(await serviceRows(db))).toEqual(stateB);
    await second.stop();
  });
});
