import { createRouteRef } from '@backstage/frontend-plugin-api';

/**
 * The dashboard page in the new frontend system. The app's nav lists only pages that have a
 * route ref, so without it the page has no "ECS headroom" sidebar item.
 */
export const ecsTmpfsRootRouteRef = createRouteRef();
