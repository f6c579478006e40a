import { TestDatabases } from '@backstage/backend-test-utils';
import type { TmpfsTemplateInput } from '@internal/plugin-ecs-tmpfs-common';
import { applyDatabaseMigrations } from '../database/migrations';
import { DatabaseTemplateStore } from './DatabaseTemplateStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

function template(
  name: string,
  overrides: Partial<TmpfsTemplateInput> = {},
): TmpfsTemplateInput {
  return {
    name,
    title: `Template ${name}`,
    description: 'for tests',
    owner: 'group:default/team-a',
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

describe.each(databases.eachSupportedId())(
  'DatabaseTemplateStore on %p',
  id => {
    async function createStore() {
      const knex = await databases.init(id);
      await applyDatabaseMigrations(knex);
      let clock = Date.parse('2026-12-01T10:00:00.000Z');
      const store = new DatabaseTemplateStore(knex, () => {
        clock += 1000;
        return new Date(clock);
      });
      return { knex, store };
    }

    it('creates a template and reads it back with every field', async () => {
      const { store } = await createStore();
      const created = await store.create(
        template('secrets', { tags: ['zeta', 'alpha'] }),
        'user:default/alice',
      );
      expect(created).toEqual({
        name: 'secrets',
        title: 'Template secrets',
        description: 'for tests',
        owner: 'group:default/team-a',
        mounts: [
          {
            containerPath: '/tmp',
            size: 64,
            mountOptions: ['noexec', 'nosuid', 'nodev'],
          },
        ],
        readonlyRootFilesystem: true,
        tags: ['zeta', 'alpha'],
        source: 'database',
        readOnly: false,
        version: 1,
        createdBy: 'user:default/alice',
        createdAt: '2026-12-01T10:00:01.000Z',
        updatedBy: 'user:default/alice',
        updatedAt: '2026-12-01T10:00:01.000Z',
      });
      expect(await store.get('secrets')).toEqual(created);
      expect(await store.get('missing')).toBeUndefined();
    });

    it('refuses a second template with the same name', async () => {
      const { store } = await createStore();
      await store.create(template('dup'), 'user:default/alice');
      await expect(
        store.create(template('dup', { title: 'other' }), 'user:default/bob'),
      ).rejects.toMatchObject({ name: 'ConflictError' });
      expect((await store.get('dup'))?.title).toBe('Template dup');
    });

    it('updates with the current version and bumps it', async () => {
      const { store } = await createStore();
      await store.create(template('cache'), 'user:default/alice');
      const updated = await store.update(
        'cache',
        {
          ...template('cache', {
            title: 'Cache v2',
            tags: ['cache'],
            readonlyRootFilesystem: false,
          }),
          version: 1,
        },
        'user:default/bob',
      );
      expect(updated).toMatchObject({
        title: 'Cache v2',
        tags: ['cache'],
        readonlyRootFilesystem: false,
        version: 2,
        createdBy: 'user:default/alice',
        updatedBy: 'user:default/bob',
      });
      expect(updated.updatedAt! > updated.createdAt!).toBe(true);
    });

    it('answers a stale version with a conflict and keeps the stored template', async () => {
      const { store } = await createStore();
      await store.create(template('cache'), 'user:default/alice');
      await store.update(
        'cache',
        { ...template('cache', { title: 'first' }), version: 1 },
        'user:default/alice',
      );
      await expect(
        store.update(
          'cache',
          { ...template('cache', { title: 'second' }), version: 1 },
          'user:default/bob',
        ),
      ).rejects.toMatchObject({
        name: 'ConflictError',
        message: expect.stringContaining('the current version is 2'),
      });
      expect(await store.get('cache')).toMatchObject({
        title: 'first',
        version: 2,
      });
    });

    it('answers an update of an unknown template with not found', async () => {
      const { store } = await createStore();
      await expect(
        store.update(
          'nope',
          { ...template('nope'), version: 1 },
          'user:default/a',
        ),
      ).rejects.toMatchObject({ name: 'NotFoundError' });
    });

    it('deletes a template and its tags', async () => {
      const { knex, store } = await createStore();
      await store.create(template('gone'), 'user:default/alice');
      expect(await store.delete('gone')).toBe(true);
      expect(await store.delete('gone')).toBe(false);
      expect(await store.get('gone')).toBeUndefined();
      const [{ n }] = await knex('ecs_tmpfs_template_tags').count({ n: '*' });
      expect(Number(n)).toBe(0);
    });

    it('filters by owner and tag and paginates by name', async () => {
      const { store } = await createStore();
      for (const [name, owner, tags] of [
        ['b-one', 'group:default/team-a', ['cache', 'fast']],
        ['a-two', 'group:default/team-a', ['scratch']],
        ['c-three', 'group:default/team-b', ['cache']],
        ['d-four', 'group:default/team-a', ['cache']],
      ] as const) {
        await store.create(
          template(name, { owner, tags: [...tags] }),
          'user:default/alice',
        );
      }

      const all = await store.list({ offset: 0, limit: 10 });
      expect(all.totalCount).toBe(4);
      expect(all.items.map(t => t.name)).toEqual([
        'a-two',
        'b-one',
        'c-three',
        'd-four',
      ]);

      const cache = await store.list({ tag: 'cache', offset: 0, limit: 10 });
      expect(cache.items.map(t => t.name)).toEqual([
        'b-one',
        'c-three',
        'd-four',
      ]);
      expect(cache.items[0].tags).toEqual(['cache', 'fast']);

      const teamACache = await store.list({
        owner: 'group:default/team-a',
        tag: 'cache',
        offset: 1,
        limit: 1,
      });
      expect(teamACache).toEqual({
        totalCount: 2,
        items: [expect.objectContaining({ name: 'd-four' })],
      });

      expect(await store.list({ offset: 10, limit: 5 })).toEqual({
        totalCount: 4,
        items: [],
      });
      expect(await store.list({ offset: 0, limit: 0 })).toEqual({
        totalCount: 4,
        items: [],
      });
    });

    it('treats SQL-looking filter values as plain values', async () => {
      const { store } = await createStore();
      await store.create(template('safe'), 'user:default/alice');
      const result = await store.list({
        owner: "group:default/x' OR '1'='1",
        tag: "'; DROP TABLE ecs_tmpfs_templates; --",
        offset: 0,
        limit: 10,
      });
      expect(result).toEqual({ totalCount: 0, items: [] });
      expect(await store.get('safe')).toBeDefined();
    });

    it('lets only one of two concurrent updates with the same version win', async () => {
      const { store } = await createStore();
      await store.create(template('race'), 'user:default/alice');
      const results = await Promise.allSettled([
        store.update(
          'race',
          { ...template('race', { title: 'A' }), version: 1 },
          'user:default/a',
        ),
        store.update(
          'race',
          { ...template('race', { title: 'B' }), version: 1 },
          'user:default/b',
        ),
      ]);
      expect(results.filter(r => r.status === 'fulfilled')).toHaveLength(1);
      expect(results.filter(r => r.status === 'rejected')).toEqual([
        expect.objectContaining({
          reason: expect.objectContaining({ name: 'ConflictError' }),
        }),
      ]);
      expect((await store.get('race'))?.version).toBe(2);
    });
  },
);
