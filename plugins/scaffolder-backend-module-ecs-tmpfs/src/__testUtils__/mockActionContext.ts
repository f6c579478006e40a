import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type { ActionContext } from '@backstage/plugin-scaffolder-node';

/**
 * The action context the scaffolder hands a handler, for tests. `createMockActionContext`
 * ships in `@backstage/plugin-scaffolder-node-test-utils`, which still pins scaffolder-node
 * 0.13 (this repo runs 1.0); this is the same shape, with outputs collected in a record.
 */
export function createMockActionContext(options: {
  input: Record<string, unknown>;
  workspacePath: string;
  isDryRun?: boolean;
}) {
  const outputs: Record<string, unknown> = {};
  const checkpoints = new Map<string, unknown>();
  const ctx = {
    input: options.input,
    workspacePath: options.workspacePath,
    isDryRun: options.isDryRun,
    logger: mockServices.logger.mock(),
    task: { id: 'task-1' },
    output: jest.fn((name: string, value: unknown) => {
      outputs[name] = value;
    }),
    async checkpoint<T>(opts: { key: string; fn: () => Promise<T> | T }) {
      if (!checkpoints.has(opts.key)) {
        checkpoints.set(opts.key, await opts.fn());
      }
      return checkpoints.get(opts.key) as T;
    },
    createTemporaryDirectory: jest.fn(),
    getInitiatorCredentials: async () => mockCredentials.user(),
  } as unknown as ActionContext<any, any>;
  return { ctx, outputs };
}
