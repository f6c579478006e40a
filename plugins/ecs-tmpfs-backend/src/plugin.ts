import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';

/**
 * The ECS tmpfs backend plugin.
 * @public
 */
export const ecsTmpfsPlugin = createBackendPlugin({
  pluginId: 'ecs-tmpfs',
  register(env) {
    env.registerInit({
      deps: {
        logger: coreServices.logger,
        httpRouter: coreServices.httpRouter,
      },
      async init({ logger, httpRouter }) {
        // Replaced by the template store, ingestion and router (issues 4 and 5).
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
        logger.info('ecs-tmpfs backend starting');
      },
    });
  },
});
