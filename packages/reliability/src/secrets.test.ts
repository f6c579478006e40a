import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { demoFleet } from '@internal/ecs-aws-simulator';
import { API, syncEverything } from './harness/api';
import { dumpDatabase } from './harness/database';
import {
  MARKER_PREFIX,
  plantedDbPasswords,
  plantMarkers,
  servicesOf,
} from './harness/fleet';
import {
  startInProcessBackend,
  type InProcessBackend,
} from './harness/testBackend';

jest.setTimeout(180_000);

const USER = mockCredentials.user.header('user:default/operator');
const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())('secrets on %p', id => {
  let backend: InProcessBackend | undefined;
  afterEach(async () => backend?.stop());

  it('never stores or serves environment values, secret references or repository credentials', async () => {
    const knex = await databases.init(id);
    const fleet = demoFleet();
    const markers = plantMarkers(fleet);
    const demoSecrets = plantedDbPasswords(fleet);
    expect(demoSecrets.length).toBeGreaterThan(0);
    expect(demoSecrets.every(s => s.startsWith('planted-secret-'))).toBe(true);
    backend = await startInProcessBackend({ knex, fleet });
    const api = backend.api(USER);
    const runs = await syncEverything(api);
    expect(runs.every(r => r.status === 'succeeded')).toBe(true);

    const services = servicesOf(fleet);
    const responses: string[] = [];
    const listed: unknown[] = [];
    for (let offset = 0; offset < services.length; offset += 50) {
      const page = await api.get(`${API}/fleet?limit=50&offset=${offset}`);
      expect(page.body.totalCount).toBe(services.length);
      listed.push(...page.body.items);
      responses.push(JSON.stringify(page.body));
    }
    expect(listed).toHaveLength(services.length);
    responses.push(JSON.stringify((await api.get(`${API}/fleet.csv`)).body));
    responses.push(JSON.stringify((await api.get(`${API}/sync/status`)).body));
    for (const s of services) {
      const res = await api.get(
        `${API}/service?arn=${encodeURIComponent(s.serviceArn)}`,
      );
      expect(res.status).toBe(200);
      responses.push(JSON.stringify(res.body));
    }
    const served = responses.join('\n');
    const stored = await dumpDatabase(knex);
    // The task definitions were stored (names kept, values dropped): the search covers them.
    expect(stored).toContain('RELIABILITY_API_TOKEN');
    expect(stored).toContain('RELIABILITY_SECRET');
    expect(stored).not.toContain(MARKER_PREFIX);
    expect(served).not.toContain(MARKER_PREFIX);
    const leaked = [...markers, ...demoSecrets].filter(
      m => stored.includes(m) || served.includes(m),
    );
    expect(leaked).toEqual([]);
  });
});
