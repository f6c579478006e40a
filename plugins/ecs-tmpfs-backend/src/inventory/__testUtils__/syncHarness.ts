import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type { Fleet } from '@internal/ecs-aws-simulator';
import { DefaultAwsClientFactory } from '@internal/plugin-ecs-tmpfs-node';
import type { Knex } from 'knex';
import { applyDatabaseMigrations } from '../../database/migrations';
import { InventoryStore } from '../store/InventoryStore';
import { SyncRunner, type SyncSettings } from '../sync/SyncRunner';

/** app-config for a simulated fleet: one aws.accounts entry and one target per account. */
export function simulatorConfig(
  fleet: Fleet,
  extra: Record<string, unknown> = {},
) {
  const accounts = Object.keys(fleet.accounts);
  return new ConfigReader({
    aws: {
      accounts: accounts.map(accountId => ({
        accountId,
        accessKeyId: `SIMULATOR${accountId}`,
        secretAccessKey: 'simulator-secret',
      })),
    },
    ecsTmpfs: {
      targets: accounts.map(accountId => ({
        accountId,
        regions: Object.keys(fleet.accounts[accountId].regions),
      })),
      ...extra,
    },
  });
}

export const TEST_SETTINGS: SyncSettings = {
  metricsWindowDays: 1,
  metricsPeriodSeconds: 300,
  headroomThreshold: 0.1,
};

export async function createSyncHarness(
  knex: Knex,
  fleet: Fleet,
  settings: SyncSettings = TEST_SETTINGS,
) {
  await applyDatabaseMigrations(knex);
  const config = simulatorConfig(fleet);
  const logger = mockServices.logger.mock();
  const clients = DefaultAwsClientFactory.fromConfig(config, { logger });
  const store = new InventoryStore(knex);
  const runner = new SyncRunner({ store, clients, logger, settings });
  return { config, clients, store, runner, logger };
}
