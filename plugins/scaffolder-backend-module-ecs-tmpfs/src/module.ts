import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { DefaultAwsClientFactory } from '@internal/plugin-ecs-tmpfs-node';
import { createAddTmpfsMountsAction } from './actions/addMounts';
import { createRegisterTaskDefinitionAction } from './actions/register';
import { DefaultEcsTmpfsApi } from './lib/ecsTmpfsApi';

/**
 * Registers `ecs-tmpfs:task-definition:add-mounts` and `ecs-tmpfs:task-definition:register`
 * with the scaffolder. AWS access uses the same `aws.*` and `ecsTmpfs.*` config as the
 * ecs-tmpfs backend, so both talk to the same accounts (and the simulator locally).
 * @public
 */
export const scaffolderModuleEcsTmpfs = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'ecs-tmpfs',
  register(reg) {
    reg.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
      },
      async init({ scaffolder, config, logger, discovery, auth }) {
        const clients = DefaultAwsClientFactory.fromConfig(config, { logger });
        const api = new DefaultEcsTmpfsApi({ discovery, auth });
        scaffolder.addActions(
          createAddTmpfsMountsAction({
            clients,
            api,
            headroomThreshold: config.getOptionalNumber(
              'ecsTmpfs.headroomThreshold',
            ),
          }),
          createRegisterTaskDefinitionAction({ clients }),
        );
      },
    });
  },
});
