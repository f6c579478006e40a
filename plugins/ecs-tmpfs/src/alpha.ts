import { createFrontendPlugin } from '@backstage/frontend-plugin-api';

/**
 * The ECS tmpfs plugin for the new frontend system.
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'ecs-tmpfs',
  extensions: [],
});
