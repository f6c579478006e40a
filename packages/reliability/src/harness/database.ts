import type { Knex } from 'knex';
import knexFactory from 'knex';
import { randomBytes } from 'node:crypto';

export const POSTGRES_URL =
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??
  'postgresql://postgres@127.0.0.1:5432';

export const INVENTORY_TABLES = [
  'ecs_tmpfs_task_definitions',
  'ecs_tmpfs_services',
  'ecs_tmpfs_service_tags',
  'ecs_tmpfs_service_metrics',
  'ecs_tmpfs_sync_runs',
] as const;

const isPostgres = (knex: Knex) =>
  String(knex.client.config.client).includes('pg');

/** Names of every table in the database (plugin tables, migrations and scheduler tables). */
export async function allTables(knex: Knex): Promise<string[]> {
  if (isPostgres(knex)) {
    const rows = await knex('information_schema.tables')
      .select('table_name')
      .where({ table_schema: 'public' });
    return rows.map(r => r.table_name).sort();
  }
  const rows = await knex('sqlite_master')
    .select('name')
    .where({ type: 'table' });
  return rows.map(r => r.name).sort();
}

/** Every `ecs_tmpfs_*` row, ordered, as JSON text: equal snapshots mean unchanged data. */
export async function snapshotPluginTables(knex: Knex): Promise<string> {
  const tables = (await allTables(knex)).filter(t =>
    t.startsWith('ecs_tmpfs_'),
  );
  const out: Record<string, unknown[]> = {};
  for (const table of tables) {
    const rows = await knex(table).select('*');
    out[table] = rows
      .map(r => JSON.stringify(r))
      .sort((a, b) => a.localeCompare(b));
  }
  return JSON.stringify(out);
}

/** The whole database as text, every table and row: for searching planted markers. */
export async function dumpDatabase(knex: Knex): Promise<string> {
  const parts: string[] = [];
  for (const table of await allTables(knex)) {
    const rows = await knex(table).select('*');
    parts.push(`## ${table}`, ...rows.map(r => JSON.stringify(r)));
  }
  return parts.join('\n');
}

/** A fresh PostgreSQL database name prefix for processes started by a scenario. */
export function randomDatabasePrefix() {
  return `ecs_tmpfs_reliability_${randomBytes(4).toString('hex')}_`;
}

export function postgresAdmin(): Knex {
  return knexFactory({
    client: 'pg',
    connection: POSTGRES_URL,
    pool: { min: 0, max: 2 },
  });
}

/** Connects to the plugin database `<prefix>ecs-tmpfs` the backend processes create. */
export function pluginDatabase(prefix: string): Knex {
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${prefix}ecs-tmpfs`;
  return knexFactory({
    client: 'pg',
    connection: url.toString(),
    pool: { min: 0, max: 2 },
  });
}

export async function dropDatabases(prefix: string) {
  const admin = postgresAdmin();
  try {
    const rows = await admin('pg_database')
      .select('datname')
      .where('datname', 'like', `${prefix}%`);
    for (const { datname } of rows) {
      await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [datname]);
    }
  } finally {
    await admin.destroy();
  }
}
