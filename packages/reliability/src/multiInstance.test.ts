import {
  AwsSimulator,
  generateFleet,
  startSimulatorServer,
  type SimulatorServer,
} from '@internal/ecs-aws-simulator';
import type { Knex } from 'knex';
import {
  startBackendProcess,
  type BackendProcess,
} from './harness/backendProcess';
import {
  dropDatabases,
  pluginDatabase,
  randomDatabasePrefix,
} from './harness/database';
import { targetKey, targetsOf } from './harness/fleet';

const LONG = process.env.RELIABILITY_LONG === '1';
const FREQUENCY_SECONDS = 4;
/** How long both instances run side by side. */
const OBSERVE_MS = LONG ? 120_000 : 24_000;

jest.setTimeout(OBSERVE_MS + 180_000);

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

interface RunRow {
  id: string;
  account_id: string;
  region: string;
  trigger: string;
  status: string;
  started_at: string | Date;
  finished_at: string | Date | null;
}

const time = (v: string | Date) => new Date(v).getTime();

describe('two backend instances on one PostgreSQL database', () => {
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

  it('runs the scheduled sync once per interval, not once per instance', async () => {
    const fleet = generateFleet({
      accounts: ['111111111111', '222222222222'],
      regions: ['us-east-1'],
      clusters: 2,
      services: 16,
      seed: 41,
    });
    const sim = new AwsSimulator({ fleet });
    simulator = await startSimulatorServer(sim, { port: 0, host: '127.0.0.1' });
    const options = {
      fleet,
      simulatorUrl: simulator.url,
      databasePrefix: prefix,
      sync: {
        enabled: true,
        frequency: { seconds: FREQUENCY_SECONDS },
        initialDelay: { seconds: 1 },
        // A run lost with a killed instance holds the task's lock this long.
        timeout: { seconds: 20 },
      },
      logLevel: 'info',
    };
    // Started one after the other: the first creates the database, the second joins it.
    processes.push(await startBackendProcess(options));
    processes.push(await startBackendProcess(options));
    db = pluginDatabase(prefix);

    await sleep(OBSERVE_MS);
    // A consistent cut: no run in flight, none started between the two row reads, and no
    // scheduled sync half-way through its targets.
    let rows: RunRow[] = [];
    let listClusters: Record<string, number> = {};
    for (let attempt = 0; ; attempt++) {
      const before: RunRow[] = await db('ecs_tmpfs_sync_runs').orderBy(
        'started_at',
      );
      listClusters = {};
      for (const c of sim.calls) {
        if (c.operation !== 'ListClusters') continue;
        const key = `${c.accountId}/${c.region}`;
        listClusters[key] = (listClusters[key] ?? 0) + 1;
      }
      const after: RunRow[] = await db('ecs_tmpfs_sync_runs').orderBy(
        'started_at',
      );
      // syncAll goes through the targets in turn: between two of them the counts differ.
      const perTarget = new Set(
        targetsOf(fleet).map(
          t =>
            after.filter(
              r => r.account_id === t.accountId && r.region === t.region,
            ).length,
        ),
      );
      if (
        before.length === after.length &&
        perTarget.size === 1 &&
        after.every(r => r.status !== 'running')
      ) {
        rows = after;
        break;
      }
      if (attempt > 400) throw new Error('no moment without a running sync');
      await sleep(25);
    }
    const cutAt = Date.now();
    for (const p of processes) {
      expect(p.child.exitCode).toBeNull();
    }

    const targets = targetsOf(fleet).map(targetKey);
    const byTarget = new Map<string, RunRow[]>(targets.map(k => [k, []]));
    for (const r of rows) byTarget.get(`${r.account_id}/${r.region}`)!.push(r);
    expect(rows.every(r => r.trigger === 'schedule')).toBe(true);
    expect(rows.every(r => r.status === 'succeeded')).toBe(true);

    const firstStart = time(rows[0].started_at);
    // Scheduled starts are at least one frequency apart; the first may have been picked up
    // up to one poll (one frequency) late, hence + 2.
    const maxRuns =
      Math.floor((cutAt - firstStart) / (FREQUENCY_SECONDS * 1000)) + 2;
    const runsPerTarget = targets.map(k => byTarget.get(k)!.length);
    // eslint-disable-next-line no-console
    console.log(
      `two instances, ${OBSERVE_MS} ms: runs per target ${JSON.stringify(
        Object.fromEntries(targets.map((k, i) => [k, runsPerTarget[i]])),
      )}, ListClusters ${JSON.stringify(
        listClusters,
      )}, at most ${maxRuns} intervals; syncs logged by instance: ${processes
        .map(
          p => (p.output().match(/ECS service owners refreshed/g) ?? []).length,
        )
        .join(' + ')}`,
    );
    for (const key of targets) {
      const runs = byTarget.get(key)!;
      // Every run listed the clusters exactly once: the DB rows and the AWS calls agree.
      expect(listClusters[key]).toBe(runs.length);
      expect(runs.length).toBeGreaterThanOrEqual(3);
      expect(runs.length).toBeLessThanOrEqual(maxRuns);
      // Never two runs of one target at once (what a second instance running the same interval
      // would do).
      for (let i = 1; i < runs.length; i++) {
        expect(time(runs[i].started_at)).toBeGreaterThanOrEqual(
          time(runs[i - 1].finished_at!),
        );
      }
    }
    // Each interval syncs every target once: the same number of runs everywhere.
    expect(new Set(runsPerTarget).size).toBe(1);

    // The other instance was scheduling too: with the one that ran the syncs killed, it takes
    // over (within one lock timeout should the kill hit a run).
    const syncsLogged = (p: BackendProcess) =>
      (p.output().match(/ECS service owners refreshed/g) ?? []).length;
    const [runner, standby] =
      syncsLogged(processes[0]) >= syncsLogged(processes[1])
        ? processes
        : [processes[1], processes[0]];
    const standbyBefore = syncsLogged(standby);
    await runner.kill();
    const deadline = Date.now() + 60_000;
    while (syncsLogged(standby) === standbyBefore) {
      if (Date.now() > deadline) {
        throw new Error('the remaining instance never ran the scheduled sync');
      }
      await sleep(200);
    }
    const total = await db('ecs_tmpfs_sync_runs')
      .where({ status: 'succeeded' })
      .count({ n: '*' });
    expect(Number(total[0].n)).toBeGreaterThan(rows.length);
  });
});
