import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  AwsSimulator,
  createMswHandlers,
  generateFleet,
} from '@internal/ecs-aws-simulator';
import type {
  EntityServicesResponse,
  FleetResponse,
  SyncStatusResponse,
} from '@internal/plugin-ecs-tmpfs-common';
import { setupServer } from 'msw/node';
import request from 'supertest';
import { ecsTmpfsPlugin } from '../plugin';
import { simulatorConfig } from './__testUtils__/syncHarness';

jest.setTimeout(180_000);

const ACCOUNT = '111111111111';
const ALICE = mockCredentials.user.header('user:default/alice');

describe.each(
  TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] }).eachSupportedId(),
)('inventory API on %p', databaseId => {
  const databases = TestDatabases.create({
    ids: ['SQLITE_3', 'POSTGRES_15'],
  });
  const fleet = generateFleet({
    accounts: [ACCOUNT],
    regions: ['us-east-1'],
    clusters: 2,
    services: 40,
    seed: 11,
  });
  const services = fleet.accounts[ACCOUNT].regions[
    'us-east-1'
  ].clusters.flatMap(c => c.services);
  const sim = new AwsSimulator({ fleet });
  const msw = setupServer(...createMswHandlers(sim));
  const byArn = services[0];
  const tagged = services.find(
    s => s !== byArn && s.tags.some(t => t.key === 'team'),
  )!;
  const team = tagged.tags.find(t => t.key === 'team')!.value;
  const entities: Entity[] = [
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'by-arn',
        namespace: 'default',
        annotations: {
          'aws.amazon.com/amazon-ecs-service-arn': byArn.serviceArn,
        },
      },
      spec: {
        type: 'service',
        owner: 'group:default/arn-owners',
        lifecycle: 'production',
      },
    },
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'by-tags',
        namespace: 'default',
        annotations: {
          'aws.amazon.com/amazon-ecs-service-tags': `team=${team},environment=prod`,
        },
      },
      spec: { type: 'service', owner: 'tag-owners', lifecycle: 'production' },
    },
  ];
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  let permission: AuthorizeResult.ALLOW | AuthorizeResult.DENY =
    AuthorizeResult.ALLOW;

  beforeAll(async () => {
    msw.listen({ onUnhandledRequest: 'bypass' });
    const knex = await databases.init(databaseId);
    const config = simulatorConfig(fleet, {
      sync: { enabled: false, metricsWindowDays: 1 },
    });
    ({ server } = await startTestBackend({
      features: [
        ecsTmpfsPlugin,
        mockServices.database.factory({ knex }),
        mockServices.rootConfig.factory({ data: config.get() as any }),
        catalogServiceMock.factory({ entities }),
        mockServices.permissions.mock({
          authorize: async requests =>
            requests.map(() => ({ result: permission })),
        }).factory,
      ],
    }));
  });
  afterAll(() => msw.close());

  it('refuses a trigger without the permission, and bad input with a 400', async () => {
    permission = AuthorizeResult.DENY;
    const denied = await request(server)
      .post('/api/ecs-tmpfs/sync/trigger')
      .set('Authorization', ALICE)
      .send({});
    expect(denied.status).toBe(403);
    permission = AuthorizeResult.ALLOW;
    const bad = await request(server)
      .post('/api/ecs-tmpfs/sync/trigger')
      .set('Authorization', ALICE)
      .send({ region: 'mars-1' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('mars-1');
    const unknown = await request(server)
      .post('/api/ecs-tmpfs/sync/trigger')
      .set('Authorization', ALICE)
      .send({ accountId: '999999999999' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('999999999999');
  });

  it('triggers a sync, reports its progress and history', async () => {
    const res = await request(server)
      .post('/api/ecs-tmpfs/sync/trigger')
      .set('Authorization', ALICE)
      .send({ accountId: ACCOUNT });
    expect(res.status).toBe(202);
    expect(res.body.runs).toHaveLength(1);
    const runId = res.body.runs[0].id;

    let status: SyncStatusResponse | undefined;
    for (let i = 0; i < 300; i++) {
      const s = await request(server)
        .get('/api/ecs-tmpfs/sync/status')
        .set('Authorization', ALICE);
      expect(s.status).toBe(200);
      status = s.body;
      if (status!.targets[0].lastRun?.id === runId) break;
      await new Promise(r => setTimeout(r, 200));
    }
    const run = status!.targets[0].lastRun!;
    expect(run.status).toBe('succeeded');
    expect(run.services).toBe(services.length);
    expect(run.apiCalls.DescribeServices).toBeGreaterThan(0);
    expect(status!.history.map(h => h.id)).toContain(runId);
    // owners are mapped once the run has finished
    await new Promise(r => setTimeout(r, 500));
  });

  it('serves the fleet with owners, filters, sorting and paging', async () => {
    const all = await request(server)
      .get('/api/ecs-tmpfs/fleet?limit=500')
      .set('Authorization', ALICE);
    expect(all.status).toBe(200);
    const body: FleetResponse = all.body;
    expect(body.totalCount).toBe(services.length);
    const arnRow = body.items.find(r => r.serviceArn === byArn.serviceArn)!;
    expect(arnRow.owner).toBe('group:default/arn-owners');
    expect(arnRow.ownerSource).toBe('catalog');
    expect(arnRow.entityRef).toBe('component:default/by-arn');
    const tagRow = body.items.find(r => r.serviceArn === tagged.serviceArn)!;
    expect(tagRow.owner).toBe('group:default/tag-owners');
    expect(tagRow.ownerSource).toBe('catalog');
    const unmapped = body.items.find(r => !r.entityRef && r.owner);
    expect(unmapped?.ownerSource).toBe('tag');
    expect(body.teams.reduce((n, t) => n + t.services, 0)).toBe(
      services.length,
    );

    const unknown = await request(server)
      .get(
        '/api/ecs-tmpfs/fleet?status=unknown&sort=serviceName&order=desc&limit=2&offset=1',
      )
      .set('Authorization', ALICE);
    expect(unknown.status).toBe(200);
    const expectedUnknown = body.items.filter(r => r.status === 'unknown');
    expect(unknown.body.totalCount).toBe(expectedUnknown.length);
    const names = expectedUnknown
      .map(r => r.serviceName)
      .sort()
      .reverse();
    expect(unknown.body.items.map((r: any) => r.serviceName)).toEqual(
      names.slice(1, 3),
    );
    for (const r of unknown.body.items) expect(r.headroomMiB).toBeUndefined();

    const sorted = await request(server)
      .get('/api/ecs-tmpfs/fleet?sort=headroomRatio&limit=500')
      .set('Authorization', ALICE);
    const ratios = sorted.body.items
      .map((r: any) => r.headroomRatio)
      .filter((r: any) => r !== undefined);
    expect(ratios).toEqual([...ratios].sort((a, b) => a - b));
    expect(sorted.body.items.at(-1).headroomRatio).toBeUndefined();

    const bad = await request(server)
      .get('/api/ecs-tmpfs/fleet?status=great')
      .set('Authorization', ALICE);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('great');

    const csv = await request(server)
      .get('/api/ecs-tmpfs/fleet.csv?accountId=111111111111')
      .set('Authorization', ALICE);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toMatch(/^serviceArn,serviceName,/);
    expect(lines).toHaveLength(services.length + 1);

    permission = AuthorizeResult.DENY;
    const denied = await request(server)
      .get('/api/ecs-tmpfs/fleet')
      .set('Authorization', ALICE);
    permission = AuthorizeResult.ALLOW;
    expect(denied.status).toBe(403);
  });

  it('serves an entity its services by ARN and by tags', async () => {
    const res = await request(server)
      .get('/api/ecs-tmpfs/entity-services?entityRef=component:default/by-arn')
      .set('Authorization', ALICE);
    expect(res.body.error).toBeUndefined();
    expect(res.status).toBe(200);
    const body: EntityServicesResponse = res.body;
    expect(body.services.map(s => s.serviceArn)).toEqual([byArn.serviceArn]);
    const view = body.services[0];
    expect(view.containers.length).toBeGreaterThan(0);
    expect(view.headroom.formula).toBeTruthy();
    expect(view.memorySeries.points.length).toBeLessThanOrEqual(400);
    expect(view.freshness.lastSyncedAt).toBeTruthy();
    expect(JSON.stringify(view)).not.toMatch(/"value":"[^"]*secret/i);

    const byTags = await request(server)
      .get('/api/ecs-tmpfs/entity-services?entityRef=component:default/by-tags')
      .set('Authorization', ALICE);
    expect(byTags.status).toBe(200);
    const expected = services
      .filter(
        s =>
          s.tags.some(t => t.key === 'team' && t.value === team) &&
          s.tags.some(t => t.key === 'environment' && t.value === 'prod'),
      )
      .map(s => s.serviceArn)
      .sort();
    expect(byTags.body.services.map((s: any) => s.serviceArn)).toEqual(
      expected,
    );

    const missing = await request(server)
      .get('/api/ecs-tmpfs/entity-services?entityRef=component:default/nope')
      .set('Authorization', ALICE);
    expect(missing.status).toBe(404);
    const invalid = await request(server)
      .get('/api/ecs-tmpfs/entity-services')
      .set('Authorization', ALICE);
    expect(invalid.status).toBe(400);

    const one = await request(server)
      .get(`/api/ecs-tmpfs/service?arn=${encodeURIComponent(byArn.serviceArn)}`)
      .set('Authorization', ALICE);
    expect(one.status).toBe(200);
    expect(one.body.serviceArn).toBe(byArn.serviceArn);
  });
});
