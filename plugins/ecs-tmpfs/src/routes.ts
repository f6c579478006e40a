import { createRouteRef } from '@backstage/core-plugin-api';

/** The dashboard page (with the templates tab below it at `templates`). */
export const rootRouteRef = createRouteRef({ id: 'ecs-tmpfs' });

/** The templates page when an app mounts it on a route of its own. */
export const templatesPageRouteRef = createRouteRef({
  id: 'ecs-tmpfs-templates',
});
