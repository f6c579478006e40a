import { durationToMilliseconds } from '@backstage/types';
import type {
  AuditorService,
  AuthService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
  RootConfigService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DefaultAwsClientFactory,
  type AwsClientFactory,
  type EcsTmpfsTarget,
} from '@internal/plugin-ecs-tmpfs-node';
import type { Knex } from 'knex';
import type express from 'express';
import { readInventoryConfig } from './config';
import { refreshOwners } from './mapping/ownerMapping';
import { createInventoryRouter } from './router';
import { InventoryStore } from './store/InventoryStore';
import { SyncRunner, type SyncRunRecord } from './sync/SyncRunner';

/** What the inventory (ECS/CloudWatch ingestion and its API) needs from the plugin. */
export interface InventoryDeps {
  logger: LoggerService;
  config: RootConfigService;
  /** already migrated by the plugin */
  db: Knex;
  scheduler: SchedulerService;
  auth: AuthService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  catalog: CatalogService;
  /** defaults to `DefaultAwsClientFactory.fromConfig(config)` */
  clients?: AwsClientFactory;
}

export interface Inventory {
  /**
   * Mounted at the plugin's root by the plugin router: `/entity-services`, `/fleet`,
   * `/fleet.csv`, `/sync/status`, `/sync/trigger`, `/service`.
   */
  router: express.Router;
  /** schedules the periodic sync (called once at plugin start) */
  start(): Promise<void>;
  /** syncs every target, one after the other, then refreshes owners (what the schedule runs) */
  syncAll(trigger?: SyncRunRecord['trigger']): Promise<SyncRunRecord[]>;
}

export const SYNC_TASK_ID = 'ecs-tmpfs-sync';
const HISTORY_RETENTION_DAYS = 30;

export async function createInventory(deps: InventoryDeps): Promise<Inventory> {
  const { logger, config, db, scheduler, auth, catalog } = deps;
  const settings = readInventoryConfig(config);
  const clients =
    deps.clients ?? DefaultAwsClientFactory.fromConfig(config, { logger });
  const store = new InventoryStore(db);
  const runner = new SyncRunner({ store, clients, logger, settings });

  const mapOwners = async () => {
    try {
      const { changed, entities } = await refreshOwners({
        store,
        catalog,
        auth,
        logger,
      });
      logger.info(
        `ECS service owners refreshed from ${entities} catalog entities, ${changed} changed`,
      );
    } catch (error) {
      logger.warn(
        `Could not refresh ECS service owners from the catalog: ${error}`,
      );
    }
  };

  const syncAll = async (trigger: SyncRunRecord['trigger'] = 'schedule') => {
    const runs: SyncRunRecord[] = [];
    for (const target of clients.targets()) {
      runs.push(await runner.run(target, trigger));
    }
    await mapOwners();
    await store.pruneRuns(
      new Date(Date.now() - HISTORY_RETENTION_DAYS * 86_400_000),
    );
    return runs;
  };

  const trigger = async (targets: EcsTmpfsTarget[]) => {
    const started = await Promise.all(
      targets.map(t => runner.start(t, 'manual')),
    );
    Promise.all(started.map(s => s.done))
      .then(mapOwners)
      .catch(e => logger.error(`Manual ECS sync failed: ${e}`));
    return started.map(s => s.run);
  };

  const router = createInventoryRouter({
    store,
    httpAuth: deps.httpAuth,
    permissions: deps.permissions,
    auditor: deps.auditor,
    catalog,
    targets: () => clients.targets(),
    runningRun: t => runner.runningRun(t),
    trigger,
  });

  return {
    router,
    syncAll,
    async start() {
      // A run still `running` after the sync timeout belongs to a process that died (a replica
      // running it now would have started less than one timeout ago).
      const now = new Date();
      await store.failInterruptedRuns(
        new Date(
          now.getTime() - durationToMilliseconds(settings.timeout) - 60_000,
        ),
        now,
      );
      if (!settings.scheduleEnabled) {
        logger.info('ECS sync schedule is off (ecsTmpfs.sync.enabled: false)');
        return;
      }
      if (clients.targets().length === 0) {
        logger.info('No ecsTmpfs.targets configured: nothing to sync');
        return;
      }
      await scheduler.scheduleTask({
        id: SYNC_TASK_ID,
        frequency: settings.frequency,
        timeout: settings.timeout,
        initialDelay: settings.initialDelay,
        fn: async () => {
          await syncAll('schedule');
        },
      });
    },
  };
}
