import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import type { AuditorService } from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { Knex } from 'knex';
import request from 'supertest';
import { ecsTmpfsPlugin } from './plugin';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const ALICE = mockCredentials.user.header('user:default/alice');

const configTemplate = {
  name: 'team-a-scratch',
  title: 'Team A scratch',
  owner: 'group:default/team-a',
  mounts: [
    {
      containerPath: '/scratch',
      size: 128,
      mountOptions: ['noexec', 'nosuid', 'nodev'],
    },
  ],
  tags: ['scratch'],
};

function newTemplate(name: string, overrides: Record<string, unknown> = {}) {
  return {
    name,
    title: `Template ${name}`,
    description: 'created by a test',
    owner: 'group:default/team-b',
    mounts: [
      {
        containerPath: '/tmp',
        size: 64,
        mountOptions: ['noexec', 'nosuid', 'nodev'],
      },
    ],
    readonlyRootFilesystem: true,
    tags: ['scratch'],
    ...overrides,
  };
}

type AuditRecord = { eventId: string; outcome: 'success' | 'fail' };

async function startPlugin(
  knex: Knex,
  permissionResult: AuthorizeResult.ALLOW | AuthorizeResult.DENY,
) {
  const audit: AuditRecord[] = [];
  const auditor = mockServices.auditor.mock({
    createEvent: (async ({ eventId }) => ({
      success: async () => {
        audit.push({ eventId, outcome: 'success' });
      },
      fail: async () => {
        audit.push({ eventId, outcome: 'fail' });
      },
    })) as AuditorService['createEvent'],
  });
  const { server } = await startTestBackend({
    features: [
      ecsTmpfsPlugin,
      mockServices.database.factory({ knex }),
      mockServices.permissions.factory({ result: permissionResult }),
      auditor.factory,
      mockServices.rootConfig.factory({
        data: {
          ecsTmpfs: {
            templates: [configTemplate],
            sync: { enabled: false },
          },
        },
      }),
    ],
  });
  return { server, audit };
}

/** Every stored row, so a test can prove that a refused request changed nothing. */
async function snapshot(knex: Knex) {
  return {
    templates: await knex('ecs_tmpfs_templates').orderBy('name'),
    tags: await knex('ecs_tmpfs_template_tags').orderBy([
      'template_name',
      'tag',
    ]),
  };
}

describe.each(databases.eachSupportedId())('ecs-tmpfs plugin on %p', id => {
  let knex: Knex;
  let server: Awaited<ReturnType<typeof startPlugin>>['server'];
  let audit: AuditRecord[];

  beforeAll(async () => {
    knex = await databases.init(id);
    ({ server, audit } = await startPlugin(knex, AuthorizeResult.ALLOW));
  });

  it('answers 401 without credentials', async () => {
    const res = await request(server)
      .get('/api/ecs-tmpfs/templates')
      .set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(401);
  });

  it('lists built-in and config templates, read-only', async () => {
    const res = await request(server)
      .get('/api/ecs-tmpfs/templates')
      .set('Authorization', ALICE);
    expect(res.status).toBe(200);
    const byName = Object.fromEntries(
      res.body.items.map((t: any) => [t.name, t]),
    );
    for (const name of [
      'secrets-tmpfs',
      'tmp-scratch',
      'app-cache',
      'build-scratch',
    ]) {
      expect(byName[name]).toMatchObject({ source: 'builtin', readOnly: true });
    }
    expect(byName['team-a-scratch']).toMatchObject({
      source: 'config',
      readOnly: true,
      owner: 'group:default/team-a',
      description: '',
      readonlyRootFilesystem: false,
    });
    expect(byName['secrets-tmpfs'].mounts[0]).toEqual({
      containerPath: '/run/secrets',
      size: 16,
      mountOptions: ['noexec', 'nosuid', 'nodev', 'mode=0700'],
    });
  });

  it('creates, reads, updates (409 on a stale version) and deletes a template, audited', async () => {
    audit.length = 0;
    const created = await request(server)
      .post('/api/ecs-tmpfs/templates')
      .set('Authorization', ALICE)
      .send(newTemplate('lifecycle'));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'lifecycle',
      source: 'database',
      readOnly: false,
      version: 1,
      createdBy: 'user:default/alice',
      updatedBy: 'user:default/alice',
    });

    const read = await request(server)
      .get('/api/ecs-tmpfs/templates/lifecycle')
      .set('Authorization', ALICE);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);

    const { name: _name, ...editable } = newTemplate('lifecycle', {
      title: 'Edited',
    });
    const updated = await request(server)
      .put('/api/ecs-tmpfs/templates/lifecycle')
      .set('Authorization', mockCredentials.user.header('user:default/bob'))
      .send({ ...editable, version: 1 });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      title: 'Edited',
      version: 2,
      createdBy: 'user:default/alice',
      updatedBy: 'user:default/bob',
    });

    const stale = await request(server)
      .put('/api/ecs-tmpfs/templates/lifecycle')
      .set('Authorization', ALICE)
      .send({ ...editable, title: 'Lost update', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toContain('version 1 was sent');
    expect(
      (
        await request(server)
          .get('/api/ecs-tmpfs/templates/lifecycle')
          .set('Authorization', ALICE)
      ).body.title,
    ).toBe('Edited');

    const deleted = await request(server)
      .delete('/api/ecs-tmpfs/templates/lifecycle')
      .set('Authorization', ALICE);
    expect(deleted.status).toBe(204);
    const gone = await request(server)
      .get('/api/ecs-tmpfs/templates/lifecycle')
      .set('Authorization', ALICE);
    expect(gone.status).toBe(404);

    expect(audit).toEqual([
      { eventId: 'template-create', outcome: 'success' },
      { eventId: 'template-update', outcome: 'success' },
      { eventId: 'template-update', outcome: 'fail' },
      { eventId: 'template-delete', outcome: 'success' },
    ]);
  });

  it('filters by owner and tag and paginates after the read-only templates', async () => {
    for (const [name, owner, tags] of [
      ['page-a', 'group:default/paging', ['alpha']],
      ['page-b', 'group:default/paging', ['alpha', 'beta']],
      ['page-c', 'group:default/paging', ['beta']],
    ] as const) {
      const res = await request(server)
        .post('/api/ecs-tmpfs/templates')
        .set('Authorization', ALICE)
        .send(newTemplate(name, { owner, tags }));
      expect(res.status).toBe(201);
    }
    const owned = await request(server)
      .get('/api/ecs-tmpfs/templates')
      .query({ owner: 'group:default/paging', offset: 1, limit: 1 })
      .set('Authorization', ALICE);
    expect(owned.status).toBe(200);
    expect(owned.body).toMatchObject({ totalCount: 3, offset: 1, limit: 1 });
    expect(owned.body.items.map((t: any) => t.name)).toEqual(['page-b']);

    const beta = await request(server)
      .get('/api/ecs-tmpfs/templates?tag=beta')
      .set('Authorization', ALICE);
    expect(beta.body.items.map((t: any) => t.name)).toEqual([
      'page-b',
      'page-c',
    ]);

    // 4 built-in + 1 config template come first; page 2 of size 4 spans both kinds
    const all = await request(server)
      .get('/api/ecs-tmpfs/templates?offset=4&limit=4')
      .set('Authorization', ALICE);
    expect(all.body.totalCount).toBeGreaterThanOrEqual(8);
    expect(all.body.items.map((t: any) => t.source)).toEqual([
      'config',
      'database',
      'database',
      'database',
    ]);
  });

  it('refuses a template with an error finding and returns the findings', async () => {
    const before = await snapshot(knex);
    const res = await request(server)
      .post('/api/ecs-tmpfs/templates')
      .set('Authorization', ALICE)
      .send(
        newTemplate('bad-rules', {
          mounts: [
            { containerPath: '/proc/x', size: 8 },
            {
              containerPath: '/data',
              size: 8,
              mountOptions: ['exec', 'noexec'],
            },
          ],
        }),
      );
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.response.statusCode).toBe(400);
    const ruleIds = res.body.findings.map((f: any) => f.ruleId);
    expect(ruleIds).toEqual(
      expect.arrayContaining(['tmpfs-path-reserved', 'tmpfs-option-conflict']),
    );
    expect(res.body.error.message).toContain('mounts[0].containerPath');
    expect(res.body.error.findings).toBeUndefined();
    expect(await snapshot(knex)).toEqual(before);
  });

  it('refuses to edit or delete built-in and config templates', async () => {
    const { name: _n, ...body } = newTemplate('x');
    const put = await request(server)
      .put('/api/ecs-tmpfs/templates/tmp-scratch')
      .set('Authorization', ALICE)
      .send({ ...body, version: 1 });
    expect(put.status).toBe(403);
    expect(put.body.error.message).toContain('built in');
    const del = await request(server)
      .delete('/api/ecs-tmpfs/templates/team-a-scratch')
      .set('Authorization', ALICE);
    expect(del.status).toBe(403);
    expect(del.body.error.message).toContain('app-config');
  });

  it('validates a task definition and reports findings and headroom', async () => {
    const res = await request(server)
      .post('/api/ecs-tmpfs/validate')
      .set('Authorization', ALICE)
      .send({
        observedPeakMiB: 900,
        taskDefinition: {
          family: 'web',
          requiresCompatibilities: ['FARGATE'],
          cpu: '256',
          memory: '1024',
          containerDefinitions: [
            {
              name: 'web',
              image: 'nginx',
              essential: true,
              linuxParameters: {
                tmpfs: [{ containerPath: '/tmp', size: 256 }],
              },
            },
          ],
        },
      });
    expect(res.status).toBe(200);
    expect(res.body.valid).toBe(false);
    expect(res.body.findings.map((f: any) => f.ruleId)).toEqual(
      expect.arrayContaining(['headroom-exhausted', 'readonly-root-disabled']),
    );
    expect(res.body.headroom).toMatchObject({
      limitMiB: 1024,
      tmpfsTotalMiB: 256,
      observedPeakMiB: 900,
      status: 'exhausted',
    });
  });

  it('validates a template body without storing it', async () => {
    const before = await snapshot(knex);
    const res = await request(server)
      .post('/api/ecs-tmpfs/validate')
      .set('Authorization', ALICE)
      .send({
        template: newTemplate('probe', {
          mounts: [{ containerPath: '/run/secrets', size: 4 }],
        }),
      });
    expect(res.status).toBe(200);
    expect(res.body.valid).toBe(true);
    expect(res.body.findings.map((f: any) => f.ruleId)).toContain(
      'secret-mount-insecure',
    );
    expect(await snapshot(knex)).toEqual(before);
  });

  describe('bad input', () => {
    const longName = 'a'.repeat(64);
    const sql = "x'; DROP TABLE ecs_tmpfs_templates; --";
    const mount = { containerPath: '/tmp', size: 64 };
    const { name: _unused, ...editable } = newTemplate('existing');

    type Case = {
      what: string;
      method: 'get' | 'post' | 'put' | 'delete';
      path: string;
      body?: unknown;
      raw?: string;
      contentType?: string;
      status?: number;
      field: string;
    };
    const post = (
      what: string,
      body: unknown,
      field: string,
      status?: number,
    ): Case => ({
      what,
      method: 'post',
      path: '/templates',
      body,
      field,
      status,
    });
    const put = (
      what: string,
      body: unknown,
      field: string,
      status?: number,
    ): Case => ({
      what,
      method: 'put',
      path: '/templates/existing',
      body,
      field,
      status,
    });
    const list = (what: string, query: string, field: string): Case => ({
      what,
      method: 'get',
      path: `/templates?${query}`,
      field,
    });
    const validate = (what: string, body: unknown, field: string): Case => ({
      what,
      method: 'post',
      path: '/validate',
      body,
      field,
    });

    const cases: Case[] = [
      {
        what: 'malformed JSON',
        method: 'post',
        path: '/templates',
        raw: '{"name": "x",',
        field: 'JSON',
      },
      {
        what: 'a JSON string body',
        method: 'post',
        path: '/templates',
        raw: '"hello"',
        field: 'JSON',
      },
      {
        what: 'a text body',
        method: 'post',
        path: '/templates',
        raw: 'name=x',
        contentType: 'text/plain',
        field: 'Content-Type',
        status: 415,
      },
      post('an array body', [newTemplate('arr')], 'request body'),
      post('a missing name', { ...newTemplate('x'), name: undefined }, 'name'),
      post('a name with spaces', newTemplate('my template'), 'name'),
      post(
        'a name with path characters',
        newTemplate('../../etc/passwd'),
        'name',
      ),
      post('an upper-case name', newTemplate('Secrets'), 'name'),
      post('a 64-character name', newTemplate(longName), 'name'),
      post('a numeric name', newTemplate('x', { name: 42 }), 'name'),
      post('an SQL-looking name', newTemplate(sql), 'name'),
      post('an empty title', newTemplate('x', { title: '' }), 'title'),
      post('a numeric title', newTemplate('x', { title: 7 }), 'title'),
      post(
        'a 201-character title',
        newTemplate('x', { title: 't'.repeat(201) }),
        'title',
      ),
      post(
        'a 2001-character description',
        newTemplate('x', { description: 'd'.repeat(2001) }),
        'description',
      ),
      post(
        'an SQL-looking owner',
        newTemplate('x', { owner: "group:default/x' OR '1'='1" }),
        'owner',
      ),
      post(
        'an owner that is not a ref',
        newTemplate('x', { owner: 'platform team' }),
        'owner',
      ),
      post(
        'a user as owner',
        newTemplate('x', { owner: 'user:default/alice' }),
        'owner',
      ),
      post(
        'missing mounts',
        { ...newTemplate('x'), mounts: undefined },
        'mounts',
      ),
      post('no mounts', newTemplate('x', { mounts: [] }), 'mounts'),
      post(
        'mounts as a string',
        newTemplate('x', { mounts: '/tmp' }),
        'mounts',
      ),
      post(
        '33 mounts',
        newTemplate('x', {
          mounts: Array.from({ length: 33 }, (_, i) => ({
            containerPath: `/m${i}`,
            size: 1,
          })),
        }),
        'mounts',
      ),
      post(
        '10,000 mounts',
        newTemplate('x', {
          mounts: Array.from({ length: 10_000 }, (_, i) => ({
            containerPath: `/m${i}`,
            size: 1,
          })),
        }),
        'Request body',
        413,
      ),
      post(
        'a size as a string',
        newTemplate('x', { mounts: [{ ...mount, size: '64' }] }),
        'mounts[0].size',
      ),
      post(
        'a Compose-style size',
        newTemplate('x', { mounts: [{ ...mount, size: '100k' }] }),
        'mounts[0].size',
      ),
      post(
        'a zero size',
        newTemplate('x', { mounts: [{ ...mount, size: 0 }] }),
        'mounts[0].size',
      ),
      post(
        'a negative size',
        newTemplate('x', { mounts: [{ ...mount, size: -1 }] }),
        'mounts[0].size',
      ),
      post(
        'a fractional size',
        newTemplate('x', { mounts: [{ ...mount, size: 1.5 }] }),
        'mounts[0].size',
      ),
      post(
        'a null size',
        newTemplate('x', { mounts: [{ ...mount, size: null }] }),
        'mounts[0].size',
      ),
      post(
        'a size beyond int32',
        newTemplate('x', { mounts: [{ ...mount, size: 2 ** 40 }] }),
        'mounts[0].size',
      ),
      post(
        'a missing containerPath',
        newTemplate('x', { mounts: [{ size: 1 }] }),
        'mounts[0].containerPath',
      ),
      post(
        'a numeric containerPath',
        newTemplate('x', { mounts: [{ containerPath: 5, size: 1 }] }),
        'mounts[0].containerPath',
      ),
      post(
        'an SQL-looking containerPath',
        newTemplate('x', {
          mounts: [{ containerPath: `/tmp${sql}`, size: 1 }],
        }),
        'mounts[0].containerPath',
      ),
      post(
        'a relative containerPath',
        newTemplate('x', { mounts: [{ containerPath: 'tmp', size: 1 }] }),
        'mounts[0].containerPath',
      ),
      post(
        'a reserved containerPath',
        newTemplate('x', { mounts: [{ containerPath: '/proc', size: 1 }] }),
        'mounts[0].containerPath',
      ),
      post(
        'duplicate containerPaths',
        newTemplate('x', {
          mounts: [mount, { ...mount, containerPath: '/tmp/' }],
        }),
        'mounts[1].containerPath',
      ),
      post(
        'mountOptions as a string',
        newTemplate('x', { mounts: [{ ...mount, mountOptions: 'noexec' }] }),
        'mounts[0].mountOptions',
      ),
      post(
        'a numeric mount option',
        newTemplate('x', { mounts: [{ ...mount, mountOptions: [1] }] }),
        'mounts[0].mountOptions[0]',
      ),
      post(
        'an SQL-looking mount option',
        newTemplate('x', { mounts: [{ ...mount, mountOptions: [sql] }] }),
        'mounts[0].mountOptions[0]',
      ),
      post(
        'a size= mount option',
        newTemplate('x', {
          mounts: [{ ...mount, mountOptions: ['size=100m'] }],
        }),
        'mounts[0].mountOptions[0]',
      ),
      post(
        'a bare mode option',
        newTemplate('x', { mounts: [{ ...mount, mountOptions: ['mode'] }] }),
        'mounts[0].mountOptions[0]',
      ),
      post(
        'an unknown top-level field',
        newTemplate('x', { colour: 'red' }),
        'colour',
      ),
      post(
        'an unknown mount field',
        newTemplate('x', { mounts: [{ ...mount, mode: '0700' }] }),
        'mounts[0].mode',
      ),
      post(
        'readonlyRootFilesystem as a string',
        newTemplate('x', { readonlyRootFilesystem: 'yes' }),
        'readonlyRootFilesystem',
      ),
      post('tags as a string', newTemplate('x', { tags: 'cache' }), 'tags'),
      post(
        'a tag with spaces',
        newTemplate('x', { tags: ['has space'] }),
        'tags[0]',
      ),
      post('an SQL-looking tag', newTemplate('x', { tags: [sql] }), 'tags[0]'),
      post(
        '21 tags',
        newTemplate('x', {
          tags: Array.from({ length: 21 }, (_, i) => `t${i}`),
        }),
        'tags',
      ),
      post(
        'the name of a built-in template',
        newTemplate('tmp-scratch'),
        'tmp-scratch',
        409,
      ),
      post(
        'the name of a stored template',
        newTemplate('existing'),
        'existing',
        409,
      ),
      put('a missing version', editable, 'version'),
      put('a version as a string', { ...editable, version: '1' }, 'version'),
      put('a version of zero', { ...editable, version: 0 }, 'version'),
      put('a stale version', { ...editable, version: 7 }, 'version', 409),
      put(
        'a name in the body',
        { ...editable, name: 'other', version: 1 },
        'name',
      ),
      put(
        'an SQL-looking owner',
        { ...editable, owner: sql, version: 1 },
        'owner',
      ),
      put(
        'a size as a string',
        { ...editable, mounts: [{ ...mount, size: '1' }], version: 1 },
        'mounts[0].size',
      ),
      {
        what: 'a path name with spaces',
        method: 'put',
        path: '/templates/has%20space',
        body: { ...editable, version: 1 },
        field: 'name',
      },
      {
        what: 'an SQL-looking path name',
        method: 'put',
        path: `/templates/${encodeURIComponent(sql)}`,
        body: { ...editable, version: 1 },
        field: 'name',
      },
      {
        what: 'a built-in template',
        method: 'put',
        path: '/templates/secrets-tmpfs',
        body: { ...editable, version: 1 },
        field: 'secrets-tmpfs',
        status: 403,
      },
      {
        what: 'deleting a path-traversal name',
        method: 'delete',
        path: `/templates/${encodeURIComponent('../../etc')}`,
        field: 'name',
      },
      {
        what: 'deleting a built-in template',
        method: 'delete',
        path: '/templates/app-cache',
        field: 'app-cache',
        status: 403,
      },
      {
        what: 'deleting an unknown template',
        method: 'delete',
        path: '/templates/nothing-here',
        field: 'nothing-here',
        status: 404,
      },
      {
        what: 'getting an SQL-looking name',
        method: 'get',
        path: `/templates/${encodeURIComponent(sql)}`,
        field: 'name',
      },
      list('a non-numeric limit', 'limit=abc', 'limit'),
      list('a zero limit', 'limit=0', 'limit'),
      list('a huge limit', 'limit=10000', 'limit'),
      list('a negative offset', 'offset=-1', 'offset'),
      list(
        'an SQL-looking owner filter',
        `owner=${encodeURIComponent("' OR 1=1 --")}`,
        'owner',
      ),
      list(
        'an SQL-looking tag filter',
        `tag=${encodeURIComponent(sql)}`,
        'tag',
      ),
      list('an unknown query parameter', 'colour=red', 'colour'),
      list('a repeated limit', 'limit=1&limit=2', 'limit'),
      validate(
        'both a task definition and a template',
        { taskDefinition: {}, template: newTemplate('x') },
        'taskDefinition',
      ),
      validate(
        'neither a task definition nor a template',
        { observedPeakMiB: 3 },
        'taskDefinition',
      ),
      validate(
        'a task definition as a string',
        { taskDefinition: 'x' },
        'taskDefinition',
      ),
      validate(
        'a task definition without containers',
        { taskDefinition: { family: 'x' } },
        'taskDefinition',
      ),
      validate(
        'a peak as a string',
        { taskDefinition: { containerDefinitions: [] }, observedPeakMiB: '10' },
        'observedPeakMiB',
      ),
      validate(
        'a template with a size as a string',
        { template: newTemplate('x', { mounts: [{ ...mount, size: '1' }] }) },
        'template.mounts[0].size',
      ),
      validate('an unknown field', { taskDefinition: {}, sql }, 'sql'),
    ];

    beforeAll(async () => {
      const res = await request(server)
        .post('/api/ecs-tmpfs/templates')
        .set('Authorization', ALICE)
        .send(newTemplate('existing'));
      if (res.status !== 201) {
        throw new Error(`seeding 'existing' failed: ${res.text}`);
      }
    });

    it('has at least 40 cases', () => {
      expect(cases.length).toBeGreaterThanOrEqual(40);
    });

    it.each(cases.map(c => [c.what, c] as const))(
      'answers %s with a 4xx naming the field, changing nothing',
      async (_what, c) => {
        const before = await snapshot(knex);
        let req = request(server)
          [c.method](`/api/ecs-tmpfs${c.path}`)
          .set('Authorization', ALICE);
        if (c.raw !== undefined) {
          req = req
            .set('Content-Type', c.contentType ?? 'application/json')
            .send(c.raw);
        } else if (c.body !== undefined) {
          req = req.send(c.body as object);
        }
        const res = await req;
        expect(res.status).toBe(c.status ?? 400);
        expect(res.body.error.message).toContain(c.field);
        expect(await snapshot(knex)).toEqual(before);
      },
    );
  });
});

describe('ecs-tmpfs plugin with a policy that denies', () => {
  it('answers 403 to every mutation and changes nothing', async () => {
    const knex = await databases.init('SQLITE_3');
    const allowed = await startPlugin(knex, AuthorizeResult.ALLOW);
    const seeded = await request(allowed.server)
      .post('/api/ecs-tmpfs/templates')
      .set('Authorization', ALICE)
      .send(newTemplate('kept'));
    expect(seeded.status).toBe(201);
    await allowed.server.close();

    const { server, audit } = await startPlugin(knex, AuthorizeResult.DENY);
    const before = await snapshot(knex);
    const { name: _n, ...body } = newTemplate('kept', { title: 'changed' });

    const create = await request(server)
      .post('/api/ecs-tmpfs/templates')
      .set('Authorization', ALICE)
      .send(newTemplate('intruder'));
    const update = await request(server)
      .put('/api/ecs-tmpfs/templates/kept')
      .set('Authorization', ALICE)
      .send({ ...body, version: 1 });
    const remove = await request(server)
      .delete('/api/ecs-tmpfs/templates/kept')
      .set('Authorization', ALICE);

    for (const [res, permission] of [
      [create, 'ecs-tmpfs.template.create'],
      [update, 'ecs-tmpfs.template.update'],
      [remove, 'ecs-tmpfs.template.delete'],
    ] as const) {
      expect(res.status).toBe(403);
      expect(res.body.error.name).toBe('NotAllowedError');
      expect(res.body.error.message).toContain(permission);
    }
    expect(await snapshot(knex)).toEqual(before);
    expect(before.templates.map((t: any) => t.name)).toEqual(['kept']);
    expect(audit).toEqual([
      { eventId: 'template-create', outcome: 'fail' },
      { eventId: 'template-update', outcome: 'fail' },
      { eventId: 'template-delete', outcome: 'fail' },
    ]);
  });
});
