import { createBackendModule } from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';

/** @public */
export const scaffolderModuleEcsTmpfs = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'ecs-tmpfs',
  register(reg) {
    reg.registerInit({
      deps: { scaffolder: scaffolderActionsExtensionPoint },
      async init({ scaffolder }) {
        // Actions are added by issue 7.
        scaffolder.addActions();
      },
    });
  },
});
