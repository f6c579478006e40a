import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { generateFleet } from '@internal/ecs-aws-simulator';
import type { Knex } from 'knex';
import request from 'supertest';
import { syncEverything } from './harness/api';
import { snapshotPluginTables } from './harness/database';
import { hostileCorpus, type HostileCase } from './harness/hostileCorpus';
import {
  startInProcessBackend,
  type InProcessBackend,
} from './harness/testBackend';

jest.setTimeout(240_000);

const USER = mockCredentials.user.header('user:default/operator');
const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())('hostile API input on %p', id => {
  let backend: InProcessBackend;
  let knex: Knex;
  afterAll(async () => backend?.stop());

  it('answers every case of the corpus without a 5xx and changes no stored data', async () => {
    knex = await databases.init(id);
    const fleet = generateFleet({ services: 40, seed: 5 });
    backend = await startInProcessBackend({ knex, fleet });
    await syncEverything(backend.api(USER));
    // An API-created template, so updates and deletes have something to hit.
    const created = await request(backend.server)
      .post('/api/ecs-tmpfs/templates')
      .set('Authorization', USER)
      .send({
        name: 'kept-template',
        title: 'Kept',
        owner: 'group:default/team-a',
        mounts: [
          {
            containerPath: '/tmp',
            size: 64,
            mountOptions: ['noexec', 'nosuid', 'nodev'],
          },
        ],
      });
    expect(created.status).toBe(201);
    // Owner mapping runs after a sync finishes; let it settle before the snapshot.
    await new Promise(r => setTimeout(r, 1000));
    const before = await snapshotPluginTables(knex);

    const corpus = hostileCorpus();
    expect(corpus.length).toBeGreaterThanOrEqual(500);
    const { failures, byStatus } = await send(corpus);
    expect(failures).toEqual([]);
    // Each route must refuse, not ignore: most cases are client errors.
    const clientErrors = Object.entries(byStatus)
      .filter(([s]) => Number(s) >= 400)
      .reduce((a, [, n]) => a + n, 0);
    expect(clientErrors).toBeGreaterThan(corpus.length / 2);
    expect(await snapshotPluginTables(knex)).toEqual(before);
  });

  async function send(corpus: HostileCase[]) {
    const failures: string[] = [];
    const byStatus: Record<number, number> = {};
    for (const c of corpus) {
      let req = request(backend.server)
        [c.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete'](c.path)
        .set('Authorization', USER);
      if (c.contentType) req = req.set('Content-Type', c.contentType);
      let res;
      try {
        res = await (c.body !== undefined ? req.send(c.body) : req);
      } catch (error) {
        failures.push(
          `no answer (${error}): ${c.method} ${c.path.slice(0, 120)}`,
        );
        continue;
      }
      byStatus[res.status] = (byStatus[res.status] ?? 0) + 1;
      const label = `${c.method} ${c.path.slice(0, 120)} ${String(c.body).slice(
        0,
        120,
      )}`;
      if (res.status >= 500) failures.push(`${res.status} ${label}`);
      if (res.status >= 400 && res.status < 500) {
        const message = res.body?.error?.message;
        if (typeof message !== 'string' || message.length === 0) {
          failures.push(`${res.status} without a JSON error message: ${label}`);
        }
      }
      if (
        res.status < 300 &&
        c.method !== 'GET' &&
        !c.path.includes('/validate')
      ) {
        failures.push(`${res.status} accepted a mutation: ${label}`);
      }
    }
    return { failures, byStatus };
  }
});
