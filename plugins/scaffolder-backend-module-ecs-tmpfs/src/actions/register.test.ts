import {
  createMockDirectory,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { createMswHandlers } from '@internal/ecs-aws-simulator';
import { DESCRIBE_ONLY_FIELDS } from '@internal/plugin-ecs-tmpfs-common';
import { setupServer } from 'msw/node';
import {
  createSimulator,
  findService,
  simulatorClients,
} from '../__testUtils__/fixtures';
import { createMockActionContext } from '../__testUtils__/mockActionContext';
import { createRegisterTaskDefinitionAction } from './register';

const SIMULATOR_URL = 'http://127.0.0.1:4599';
const sim = createSimulator();
const server = setupServer(
  ...createMswHandlers(sim, { extraBaseUrls: [SIMULATOR_URL] }),
);
registerMswTestHooks(server);

const mockDir = createMockDirectory();
const action = createRegisterTaskDefinitionAction({
  clients: simulatorClients(),
});

const service = findService(sim, '111111111111', 'us-east-1', 'payments');
const stored = () =>
  JSON.parse(JSON.stringify(sim.fleet.taskDefinitions[service.taskDefinition]));

async function run(
  input: Record<string, unknown>,
  options: { isDryRun?: boolean; endpoint?: string } = {},
) {
  const registerAction = options.endpoint
    ? createRegisterTaskDefinitionAction({
        clients: simulatorClients(options.endpoint),
      })
    : action;
  const { ctx, outputs } = createMockActionContext({
    input,
    workspacePath: mockDir.path,
    isDryRun: options.isDryRun,
  });
  await registerAction.handler(ctx);
  return outputs as Record<string, any>;
}

function withoutReadOnlyFields(td: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(td).filter(([key]) => !DESCRIBE_ONLY_FIELDS.includes(key)),
  );
}

describe('ecs-tmpfs:task-definition:register', () => {
  beforeEach(() => {
    mockDir.clear();
    sim.resetCalls();
  });

  it('registers a workspace file as a new revision, keeping every field and the tags', async () => {
    const describe = stored();
    const family = describe.taskDefinition.family;
    const revision = describe.taskDefinition.revision;
    mockDir.setContent({ 'td.json': JSON.stringify(describe, null, 2) });

    const outputs = await run({ path: 'td.json' });

    expect(outputs.family).toBe(family);
    expect(outputs.accountId).toBe('111111111111');
    expect(outputs.region).toBe('us-east-1');
    expect(outputs.revision).toBeGreaterThan(revision);
    expect(outputs.taskDefinitionArn).toBe(
      `arn:aws:ecs:us-east-1:111111111111:task-definition/${family}:${outputs.revision}`,
    );
    const registered = sim.fleet.taskDefinitions[outputs.taskDefinitionArn];
    expect(withoutReadOnlyFields(registered.taskDefinition)).toEqual(
      withoutReadOnlyFields(describe.taskDefinition),
    );
    // environment values survive: the new revision is built from the live copy, not a redacted one
    expect(JSON.stringify(registered.taskDefinition)).toEqual(
      expect.stringContaining('"environment"'),
    );
    expect(registered.tags).toEqual(describe.tags);
    expect(sim.callCounts()).toEqual({ RegisterTaskDefinition: 1 });
  });

  it('takes the task definition as an object with explicit tags, account and Region', async () => {
    const { taskDefinition } = stored();
    const outputs = await run({
      taskDefinition: { ...taskDefinition, family: 'scaffolded-service' },
      tags: [{ key: 'team', value: 'platform' }],
      accountId: '222222222222',
      region: 'us-east-1',
    });
    expect(outputs.taskDefinitionArn).toBe(
      'arn:aws:ecs:us-east-1:222222222222:task-definition/scaffolded-service:1',
    );
    expect(sim.fleet.taskDefinitions[outputs.taskDefinitionArn].tags).toEqual([
      { key: 'team', value: 'platform' },
    ]);
  });

  it('works through the endpoint override, like the backend against the local simulator', async () => {
    mockDir.setContent({ 'td.json': JSON.stringify(stored()) });
    const outputs = await run({ path: 'td.json' }, { endpoint: SIMULATOR_URL });
    expect(outputs.taskDefinitionArn).toMatch(/task-definition\/.+:\d+$/);
    expect(sim.calls.at(-1)).toMatchObject({
      operation: 'RegisterTaskDefinition',
      accountId: '111111111111',
      outcome: 'ok',
    });
  });

  it('validates and reports in a dry run without calling RegisterTaskDefinition', async () => {
    mockDir.setContent({ 'td.json': JSON.stringify(stored(), null, 2) });
    const before = Object.keys(sim.fleet.taskDefinitions).length;
    const outputs = await run({ path: 'td.json' }, { isDryRun: true });
    expect(outputs.family).toBe(stored().taskDefinition.family);
    expect(outputs.taskDefinitionArn).toBeUndefined();
    expect(sim.calls).toEqual([]);
    expect(Object.keys(sim.fleet.taskDefinitions)).toHaveLength(before);
  });

  it('refuses to register while error findings remain', async () => {
    const describe = stored();
    const container = describe.taskDefinition.containerDefinitions[0];
    container.linuxParameters = {
      ...container.linuxParameters,
      tmpfs: [{ containerPath: '/tmp', size: 0 }],
    };
    mockDir.setContent({ 'td.json': JSON.stringify(describe) });
    await expect(run({ path: 'td.json' })).rejects.toThrow(
      /Refusing to register .*: 1 finding\(s\) at or above 'error': error tmpfs-size-invalid/,
    );
    expect(sim.calls).toEqual([]);
  });

  it('refuses warnings too when failOn is warning', async () => {
    const { taskDefinition } = stored();
    taskDefinition.containerDefinitions.forEach((c: any) => {
      c.readonlyRootFilesystem = false;
    });
    await expect(run({ taskDefinition, failOn: 'warning' })).rejects.toThrow(
      /readonly-root-disabled/,
    );
    expect(sim.calls).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    [
      'an account that is not configured',
      { accountId: '999999999999', region: 'us-east-1' },
      /Account 999999999999 in Region us-east-1 .*not configured in ecsTmpfs.targets/,
    ],
    [
      'a Region that is not configured for the account',
      { accountId: '222222222222', region: 'eu-west-1' },
      /Account 222222222222 in Region eu-west-1/,
    ],
  ])('fails on %s', async (_name, target, message) => {
    mockDir.setContent({ 'td.json': JSON.stringify(stored()) });
    await expect(run({ path: 'td.json', ...target })).rejects.toThrow(message);
    expect(sim.calls).toEqual([]);
  });

  it('needs an account and Region when the task definition has no ARN', async () => {
    const { taskDefinition } = stored();
    delete taskDefinition.taskDefinitionArn;
    await expect(run({ taskDefinition })).rejects.toThrow(
      /accountId and region are required/,
    );
  });

  it.each<[string, Record<string, string>, Record<string, unknown>, RegExp]>([
    [
      'a path outside the workspace',
      {},
      { path: '../../etc/passwd' },
      /outside the task workspace/,
    ],
    [
      'a file that is not JSON',
      { 'td.json': 'not json' },
      { path: 'td.json' },
      /is not valid JSON/,
    ],
    [
      'a file that is not a task definition',
      { 'td.json': '[]' },
      { path: 'td.json' },
      /is not an ECS task definition/,
    ],
    ['no input', {}, {}, /One of path or taskDefinition is required/],
  ])('fails on %s', async (_name, files, input, message) => {
    mockDir.setContent(files);
    await expect(run(input)).rejects.toThrow(message);
    expect(sim.calls).toEqual([]);
  });
});
