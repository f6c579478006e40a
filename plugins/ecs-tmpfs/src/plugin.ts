import { createPlugin } from '@backstage/core-plugin-api';

/** @public */
export const ecsTmpfsPlugin = createPlugin({
  id: 'ecs-tmpfs',
});
