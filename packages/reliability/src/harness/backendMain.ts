/*
 * A real Backstage backend process with the ecs-tmpfs plugin, for the crash and multi-instance
 * scenarios: `createBackend()` with its default services (config from `--config` arguments,
 * PostgreSQL, scheduler, static-token external access), and the catalog replaced by the
 * in-memory catalog (its entities are not what those scenarios check).
 *
 *   node -r @backstage/cli/config/nodeTransform.cjs \
 *     packages/reliability/src/harness/backendMain.ts --config <file>
 */
import { createBackend } from '@backstage/backend-defaults';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';

const backend = createBackend();
backend.add(import('@internal/plugin-ecs-tmpfs-backend'));
backend.add(catalogServiceMock.factory({ entities: [] }));
backend.start().catch(error => {
  // eslint-disable-next-line no-console
  console.error(error);
  process.exit(1);
});
