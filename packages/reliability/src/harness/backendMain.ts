/*
 * A real Backstage backend process with the ecs-tmpfs plugin, for the crash and multi-instance
 * scenarios and the fleet-scale benchmark: `createBackend()` with its default services (config
 * from `--config` arguments, PostgreSQL or SQLite, scheduler, static-token external access), and
 * the catalog replaced by the in-memory catalog (entities from RELIABILITY_CATALOG_ENTITIES).
 *
 *   node -r @backstage/cli/config/nodeTransform.cjs \
 *     packages/reliability/src/harness/backendMain.ts --config <file>
 */
import { createBackend } from '@backstage/backend-defaults';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { readFileSync } from 'node:fs';

// Entities for the in-memory catalog, from a JSON file (the benchmark's entity endpoint load).
const entitiesFile = process.env.RELIABILITY_CATALOG_ENTITIES;
const entities = entitiesFile
  ? JSON.parse(readFileSync(entitiesFile, 'utf8'))
  : [];

const backend = createBackend();
backend.add(import('@internal/plugin-ecs-tmpfs-backend'));
backend.add(catalogServiceMock.factory({ entities }));
backend.start().catch(error => {
  // eslint-disable-next-line no-console
  console.error(error);
  process.exit(1);
});
