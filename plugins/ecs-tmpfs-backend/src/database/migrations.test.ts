import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { getMigratedClient } from './migrations';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())('getMigratedClient on %p', id => {
  it('creates the template tables, and migrating again changes nothing', async () => {
    const knex = await databases.init(id);
    const database = mockServices.database({ knex });
    await getMigratedClient(database);
    await getMigratedClient(database);
    expect(await knex.schema.hasTable('ecs_tmpfs_templates')).toBe(true);
    expect(await knex.schema.hasTable('ecs_tmpfs_template_tags')).toBe(true);
  });

  it('leaves the database alone when migrations are skipped', async () => {
    const knex = await databases.init(id);
    await getMigratedClient(
      mockServices.database({ knex, migrations: { skip: true } }),
    );
    expect(await knex.schema.hasTable('ecs_tmpfs_templates')).toBe(false);
  });
});
