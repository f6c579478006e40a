#!/usr/bin/env node
/*
 * Writes src/schema/openapi.generated.ts from src/schema/openapi.yaml, so the router is typed
 * and validated from the YAML without reading files at run time (as Backstage's own plugins
 * do with `backstage-repo-tools package schema openapi generate`).
 * Run: yarn generate:openapi (in this package), then `yarn prettier --write` the output at the root.
 * src/schema/openapi.test.ts fails when the two disagree.
 */
const fs = require('node:fs');
const path = require('node:path');
const { parse } = require('yaml');

const root = path.resolve(__dirname, '..');
const spec = parse(
  fs.readFileSync(path.join(root, 'src/schema/openapi.yaml'), 'utf8'),
);

const out = `// Generated from openapi.yaml by scripts/generate-openapi.js. Do not edit by hand.
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';

export const spec = ${JSON.stringify(spec, null, 2)} as const;

export const createOpenApiRouter = (
  options?: Parameters<typeof createValidatedOpenApiRouter>[1],
) => createValidatedOpenApiRouter<typeof spec>(spec, options);
`;
fs.writeFileSync(path.join(root, 'src/schema/openapi.generated.ts'), out);
