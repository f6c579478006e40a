import {
  createServiceFactory,
  type BackstageCredentials,
  type BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { generateFleet } from '@internal/ecs-aws-simulator';
import request from 'supertest';
import { API, syncEverything } from './harness/api';
import { snapshotPluginTables } from './harness/database';
import { servicesOf } from './harness/fleet';
import {
  startInProcessBackend,
  type InProcessBackend,
} from './harness/testBackend';

jest.setTimeout(180_000);

const EDITOR_REF = 'user:default/editor';
const OUTSIDER_REF = 'user:default/outsider';
const EDITOR = mockCredentials.user.header(EDITOR_REF);
const OUTSIDER = mockCredentials.user.header(OUTSIDER_REF);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const userOf = (credentials: BackstageCredentials) =>
  (credentials.principal as Partial<BackstageUserPrincipal>).type === 'user'
    ? (credentials.principal as BackstageUserPrincipal).userEntityRef
    : undefined;

/**
 * A permission service whose policy lets only the editor through: every decision the plugin
 * asks for is DENY for anyone else, reads included, so a route that forgets to ask would show
 * up as a change in the database rather than as a 403.
 */
const editorOnlyPermissions = () =>
  mockServices.permissions.mock({
    authorize: async (requests, options) =>
      requests.map(() => ({
        result:
          userOf(options.credentials) === EDITOR_REF
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY,
      })) as any,
  }).factory;

/**
 * The catalog as the catalog backend serves it to a user without read access to an entity:
 * `getEntityByRef` answers undefined for that user. Any other caller (including the plugin's
 * own service credentials) sees everything, so the plugin must pass the caller's credentials.
 */
function catalogHiding(entities: Entity[], hidden: string, fromUser: string) {
  const catalog = catalogServiceMock({ entities });
  const getEntityByRef = catalog.getEntityByRef.bind(catalog);
  catalog.getEntityByRef = (async (ref: any, options: any) => {
    const refText = typeof ref === 'string' ? ref : stringifyEntityRef(ref);
    if (refText === hidden && userOf(options.credentials) === fromUser) {
      return undefined;
    }
    return getEntityByRef(ref, options);
  }) as typeof catalog.getEntityByRef;
  return createServiceFactory({
    service: catalogServiceRef,
    deps: {},
    factory: () => catalog,
  });
}

const mount = {
  containerPath: '/tmp',
  size: 64,
  mountOptions: ['noexec', 'nosuid', 'nodev'],
};
const keptTemplate = {
  title: 'Kept',
  owner: 'group:default/team-a',
  mounts: [mount],
  tags: ['kept'],
};

describe.each(databases.eachSupportedId())('authorisation on %p', id => {
  let backend: InProcessBackend | undefined;
  afterEach(async () => {
    await backend?.stop();
    backend = undefined;
  });

  it('denies template create/update/delete and sync trigger to a user the policy denies, changing nothing; entity data follows catalog read access', async () => {
    const knex = await databases.init(id);
    const fleet = generateFleet({
      accounts: ['111111111111'],
      regions: ['us-east-1', 'eu-west-1'],
      clusters: 2,
      services: 12,
      seed: 81,
    });
    const [visibleService, hiddenService] = servicesOf(fleet);
    const component = (name: string, serviceArn: string): Entity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name,
        namespace: 'default',
        annotations: { 'aws.amazon.com/amazon-ecs-service-arn': serviceArn },
      },
      spec: {
        type: 'service',
        lifecycle: 'production',
        owner: 'group:default/team-a',
      },
    });
    const visible = component('visible-service', visibleService.serviceArn);
    const hidden = component('hidden-service', hiddenService.serviceArn);
    const hiddenRef = stringifyEntityRef(hidden);
    backend = await startInProcessBackend({
      knex,
      fleet,
      permissions: editorOnlyPermissions(),
      catalog: catalogHiding([visible, hidden], hiddenRef, OUTSIDER_REF),
    });
    const server = backend.server;

    // State the outsider will try to change: one stored template and one finished sync.
    const created = await request(server)
      .post(`${API}/templates`)
      .set('Authorization', EDITOR)
      .send({ name: 'kept-template', ...keptTemplate });
    expect(created.status).toBe(201);
    const runs = await syncEverything(backend.api(EDITOR));
    expect(runs.map(r => r.status)).toEqual(['succeeded', 'succeeded']);
    const before = await snapshotPluginTables(knex);
    const runRows = await knex('ecs_tmpfs_sync_runs').count({ n: '*' });
    backend.sim.resetCalls();

    const attempts = [
      request(server)
        .post(`${API}/templates`)
        .set('Authorization', OUTSIDER)
        .send({
          name: 'outsider-template',
          title: 'New',
          owner: 'group:default/team-a',
          mounts: [mount],
        }),
      request(server)
        .put(`${API}/templates/kept-template`)
        .set('Authorization', OUTSIDER)
        .send({
          ...keptTemplate,
          title: 'Changed by the outsider',
          version: created.body.version,
        }),
      request(server)
        .delete(`${API}/templates/kept-template`)
        .set('Authorization', OUTSIDER),
      request(server)
        .post(`${API}/sync/trigger`)
        .set('Authorization', OUTSIDER)
        .send({}),
      request(server)
        .post(`${API}/sync/trigger`)
        .set('Authorization', OUTSIDER)
        .send({ accountId: '111111111111', region: 'us-east-1' }),
    ];
    const answers = [];
    for (const attempt of attempts) answers.push(await attempt);
    expect(answers.map(a => a.status)).toEqual([403, 403, 403, 403, 403]);
    for (const a of answers) {
      expect(a.body.error.name).toBe('NotAllowedError');
    }

    // Nothing stored, nothing synced: no new run row, not one AWS call.
    await new Promise(r => setTimeout(r, 300));
    expect(await snapshotPluginTables(knex)).toBe(before);
    expect(await knex('ecs_tmpfs_sync_runs').count({ n: '*' })).toEqual(
      runRows,
    );
    expect(backend.sim.calls).toHaveLength(0);
    const status = await backend.api(EDITOR).get(`${API}/sync/status`);
    expect(status.body.history.map((r: { id: string }) => r.id).sort()).toEqual(
      runs.map(r => r.id).sort(),
    );

    // The same update from the editor goes through: the 403s were the policy's.
    const update = await request(server)
      .put(`${API}/templates/kept-template`)
      .set('Authorization', EDITOR)
      .send({
        ...keptTemplate,
        title: 'Changed by the editor',
        version: created.body.version,
      });
    expect(update.status).toBe(200);
    expect(update.body.title).toBe('Changed by the editor');

    // Per-entity data: the outsider gets the visible entity's service and a 404 for the hidden one.
    const entityServices = (ref: string, auth: string) =>
      request(server)
        .get(`${API}/entity-services?entityRef=${encodeURIComponent(ref)}`)
        .set('Authorization', auth);
    const seen = await entityServices(stringifyEntityRef(visible), OUTSIDER);
    expect(seen.status).toBe(200);
    expect(
      seen.body.services.map((s: { serviceArn: string }) => s.serviceArn),
    ).toEqual([visibleService.serviceArn]);
    const denied = await entityServices(hiddenRef, OUTSIDER);
    expect(denied.status).toBe(404);
    expect(denied.body.services).toBeUndefined();
    expect(JSON.stringify(denied.body)).not.toContain(hiddenService.serviceArn);
    // The editor can read the hidden entity: the 404 is catalog read access, not missing data.
    const editorView = await entityServices(hiddenRef, EDITOR);
    expect(editorView.status).toBe(200);
    expect(
      editorView.body.services.map((s: { serviceArn: string }) => s.serviceArn),
    ).toEqual([hiddenService.serviceArn]);
  });
});
