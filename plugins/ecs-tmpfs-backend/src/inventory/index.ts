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
import type { Knex } from 'knex';
import Router from 'express-promise-router';
import type express from 'express';

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
}

export interface Inventory {
  /**
   * Mounted at the plugin's root by the plugin router: `/entity-services`, `/fleet`,
   * `/fleet.csv`, `/sync/status`, `/sync/trigger`, `/services/...`.
   */
  router: express.Router;
  /** schedules the periodic sync (called once at plugin start) */
  start(): Promise<void>;
}

/** Placeholder until the ingestion (issue 5) lands: no routes, no schedule. */
export async function createInventory(
  _deps: InventoryDeps,
): Promise<Inventory> {
  return { router: Router(), async start() {} };
}
