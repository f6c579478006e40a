import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { ecsTmpfsPermissions } from '@internal/plugin-ecs-tmpfs-common';
import { getMigratedClient } from './database/migrations';
import { createInventory } from './inventory';
import { createRouter } from './service/router';
import { DatabaseTemplateStore } from './templates/DatabaseTemplateStore';
import { TemplateCatalogue } from './templates/TemplateCatalogue';

/**
 * The ECS tmpfs backend plugin: tmpfs template store, ECS/CloudWatch inventory and the REST
 * API at `/api/ecs-tmpfs`.
 * @public
 */
export const ecsTmpfsPlugin = createBackendPlugin({
  pluginId: 'ecs-tmpfs',
  register(env) {
    env.registerInit({
      deps: {
        logger: coreServices.logger,
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
      },
      async init(deps) {
        const { logger, config, database, httpRouter, permissionsRegistry } =
          deps;
        permissionsRegistry.addPermissions(ecsTmpfsPermissions);

        const db = await getMigratedClient(database);
        const templates = TemplateCatalogue.fromConfig({
          config,
          store: new DatabaseTemplateStore(db),
          logger,
        });
        await templates.reportShadowedTemplates();

        const inventory = await createInventory({
          logger,
          config,
          db,
          scheduler: deps.scheduler,
          auth: deps.auth,
          httpAuth: deps.httpAuth,
          permissions: deps.permissions,
          auditor: deps.auditor,
          catalog: deps.catalog,
        });

        httpRouter.use(
          await createRouter({
            logger: deps.logger,
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            auditor: deps.auditor,
            templates,
            headroomThreshold: config.getOptionalNumber(
              'ecsTmpfs.headroomThreshold',
            ),
            inventoryRouter: inventory.router,
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
        await inventory.start();
      },
    });
  },
});
