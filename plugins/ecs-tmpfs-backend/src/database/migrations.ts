import {
  resolvePackagePath,
  type DatabaseService,
} from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@internal/plugin-ecs-tmpfs-backend',
  'migrations',
);

/** Runs the plugin's knex migrations (templates and inventory tables). */
export async function applyDatabaseMigrations(knex: Knex): Promise<void> {
  await knex.migrate.latest({ directory: migrationsDir });
}

/**
 * The plugin's database client, migrated unless the app config turns migrations off
 * (`backend.database.plugin.ecs-tmpfs.skipMigrations`, e.g. for a read-only replica).
 */
export async function getMigratedClient(
  database: DatabaseService,
): Promise<Knex> {
  const client = await database.getClient();
  if (!database.migrations?.skip) {
    await applyDatabaseMigrations(client);
  }
  return client;
}
