import {
  createMockDirectory,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { createMswHandlers } from '@internal/ecs-aws-simulator';
import { setupServer } from 'msw/node';
import fs from 'node:fs';
import path from 'node:path';
import { createMockActionContext } from '../__testUtils__/mockActionContext';
import {
  createSimulator,
  fakeApi,
  findService,
  REFERENCE_DIR,
  referenceTaskDefinitions,
  simulatorClients,
  template,
} from '../__testUtils__/fixtures';
import { createAddTmpfsMountsAction } from './addMounts';

const sim = createSimulator();
const server = setupServer(...createMswHandlers(sim));
registerMswTestHooks(server);

const mockDir = createMockDirectory();
const api = fakeApi({
  templates: [
    template('scratch'),
    template('secrets', {
      mounts: [{ containerPath: '/run/secrets', size: 8 }],
      readonlyRootFilesystem: true,
    }),
  ],
});
const action = createAddTmpfsMountsAction({ clients: simulatorClients(), api });

const references = referenceTaskDefinitions();
const payments = references['payments-java-fargate.json'] as any;

async function run(input: Record<string, unknown>, isDryRun = false) {
  const { ctx, outputs } = createMockActionContext({
    input,
    workspacePath: mockDir.path,
    isDryRun,
  });
  await action.handler(ctx);
  return outputs as Record<string, any>;
}

function readText(name: string) {
  return fs.readFileSync(mockDir.resolve(name), 'utf8');
}

/** original lines appear in the new text in order (a trailing comma may be added) */
function expectLinesKeptInOrder(before: string, after: string) {
  const strip = (l: string) => l.replace(/,$/, '');
  const afterLines = after.split('\n').map(strip);
  let at = 0;
  for (const line of before.split('\n').map(strip)) {
    const found = afterLines.indexOf(line, at);
    if (found < 0) {
      throw new Error(`line lost or reordered: ${line}`);
    }
    at = found + 1;
  }
}

describe('ecs-tmpfs:task-definition:add-mounts', () => {
  beforeEach(() => mockDir.clear());

  describe('keeps every untouched field and the file formatting', () => {
    const formats: [string, string | undefined][] = [
      ['2 spaces', '  '],
      ['4 spaces', '    '],
      ['tabs', '\t'],
    ];
    const linuxFiles = Object.keys(references).filter(
      f => !f.startsWith('windows'),
    );

    it.each(
      linuxFiles.flatMap(file =>
        formats.map(([label, indent]) => [file, label, indent]),
      ),
    )('%s indented with %s', async (file, _label, indent) => {
      const original = `${JSON.stringify(
        references[file as string],
        null,
        indent as string,
      )}\n`;
      mockDir.setContent({ 'td.json': original });

      const outputs = await run({
        path: 'td.json',
        template: 'scratch',
        failOn: 'never',
      });

      const text = readText('td.json');
      expect(outputs.changed).toBe(true);
      expect(outputs.written).toBe(true);
      expect(text.endsWith('}\n')).toBe(true);
      expect(text.split('\n')[1].startsWith(`${indent}"taskDefinition"`)).toBe(
        true,
      );
      expectLinesKeptInOrder(original, text);

      const before = references[file as string] as any;
      const after = JSON.parse(text);
      expect(Object.keys(after)).toEqual(Object.keys(before));
      expect(Object.keys(after.taskDefinition)).toEqual(
        Object.keys(before.taskDefinition),
      );
      expect(after.tags).toEqual(before.tags);
      const untouchedKeys = Object.keys(before.taskDefinition).filter(
        key => key !== 'containerDefinitions',
      );
      for (const key of untouchedKeys) {
        expect(after.taskDefinition[key]).toEqual(before.taskDefinition[key]);
      }
      before.taskDefinition.containerDefinitions.forEach(
        (c: any, i: number) => {
          const changed = after.taskDefinition.containerDefinitions[i];
          const { linuxParameters: _a, ...restBefore } = c;
          const { linuxParameters: _b, ...restAfter } = changed;
          expect(restAfter).toEqual(restBefore);
          const scratch = (changed.linuxParameters?.tmpfs ?? []).find(
            (m: any) => m.containerPath === '/var/tmp/scaffold',
          );
          const secureScratch = {
            containerPath: '/var/tmp/scaffold',
            size: 64,
            mountOptions: expect.arrayContaining(['noexec', 'nosuid', 'nodev']),
          };
          expect(scratch).toEqual(
            c.essential === false ? undefined : secureScratch,
          );
        },
      );
    });

    it('keeps compact single-line JSON compact, with the untouched text identical', async () => {
      const original = fs.readFileSync(
        path.join(REFERENCE_DIR, 'web-nginx-fargate.json'),
        'utf8',
      );
      mockDir.setContent({ 'td.json': original });
      await run({ path: 'td.json', template: 'scratch', failOn: 'never' });
      const text = readText('td.json');
      expect(text.split('\n')).toHaveLength(2);
      const head = original.slice(
        0,
        original.indexOf('"containerDefinitions"'),
      );
      expect(text.startsWith(head)).toBe(true);
      const tail = original.slice(original.indexOf('],"volumes"'));
      expect(text.endsWith(tail)).toBe(true);
    });

    it('keeps CRLF line endings and a missing trailing newline', async () => {
      const original = JSON.stringify(payments, null, 2).replace(/\n/g, '\r\n');
      mockDir.setContent({ 'td.json': original });
      await run({ path: 'td.json', template: 'scratch', failOn: 'never' });
      const text = readText('td.json');
      expect(text.endsWith('}')).toBe(true);
      expect(text.replace(/\r\n/g, '')).not.toContain('\n');
      expectLinesKeptInOrder(
        original.replace(/\r/g, ''),
        text.replace(/\r/g, ''),
      );
    });
  });

  it('is idempotent: a second run changes nothing and writes nothing', async () => {
    mockDir.setContent({ 'td.json': JSON.stringify(payments, null, 2) });
    await run({ path: 'td.json', template: 'scratch', failOn: 'never' });
    const once = readText('td.json');
    const mtime = fs.statSync(mockDir.resolve('td.json')).mtimeMs;

    const outputs = await run({
      path: 'td.json',
      template: 'scratch',
      failOn: 'never',
    });
    expect(outputs.changed).toBe(false);
    expect(outputs.written).toBe(false);
    expect(outputs.diff).toEqual([]);
    expect(readText('td.json')).toBe(once);
    expect(fs.statSync(mockDir.resolve('td.json')).mtimeMs).toBe(mtime);
  });

  it('changes nothing in a dry run and still reports the diff, findings and headroom', async () => {
    const original = JSON.stringify(
      references['legacy-api-fargate-no-tmpfs.json'],
      null,
      2,
    );
    mockDir.setContent({ 'td.json': original });

    const outputs = await run(
      {
        path: 'td.json',
        template: 'secrets',
        failOn: 'never',
      },
      true,
    );

    expect(readText('td.json')).toBe(original);
    expect(mockDir.content()).toEqual({ 'td.json': original });
    expect(outputs.changed).toBe(true);
    expect(outputs.written).toBe(false);
    expect(outputs.path).toBeUndefined();
    expect(outputs.diff.length).toBeGreaterThan(0);
    // the template turns on a read-only root, which fixes readonly-root-disabled
    const ids = (list: any[]) => list.map(f => f.ruleId);
    expect(ids(outputs.findingsBefore)).toContain('readonly-root-disabled');
    expect(ids(outputs.findingsAfter)).not.toContain('readonly-root-disabled');
    expect(outputs.headroomAfter.tmpfsTotalMiB).toBe(
      outputs.headroomBefore.tmpfsTotalMiB + 8,
    );
    expect(
      outputs.taskDefinition.containerDefinitions[0].readonlyRootFilesystem,
    ).toBe(true);
  });

  it('never outputs environment values or secret references', async () => {
    mockDir.setContent({ 'td.json': JSON.stringify(payments, null, 2) });
    const outputs = await run({
      path: 'td.json',
      template: 'scratch',
      failOn: 'never',
    });
    const text = JSON.stringify(outputs);
    expect(text).not.toContain('SPRING_PROFILES_ACTIVE","value');
    expect(text).not.toContain('prod"');
    expect(text).not.toContain('arn:aws:ssm');
    // while the workspace file keeps them for the register step
    expect(readText('td.json')).toContain('arn:aws:ssm');
  });

  it('changes only the named containers', async () => {
    mockDir.setContent({ 'td.json': JSON.stringify(payments, null, 2) });
    await run({
      path: 'td.json',
      template: 'scratch',
      containers: ['log-router'],
      failOn: 'never',
    });
    const after = JSON.parse(readText('td.json')).taskDefinition;
    const paths = (c: any) =>
      (c.linuxParameters?.tmpfs ?? []).map((m: any) => m.containerPath);
    expect(paths(after.containerDefinitions[0])).not.toContain(
      '/var/tmp/scaffold',
    );
    expect(paths(after.containerDefinitions[1])).toContain('/var/tmp/scaffold');
  });

  it('takes a live task definition from the simulator and writes it to outputPath', async () => {
    const service = findService(sim, '111111111111', 'us-east-1', 'payments');
    const peaks = { [service.serviceArn]: 1800 };
    const liveAction = createAddTmpfsMountsAction({
      clients: simulatorClients(),
      api: fakeApi({ templates: [template('scratch')], peaks }),
    });
    const { ctx, outputs: liveOutputs } = createMockActionContext({
      input: {
        serviceArn: service.serviceArn,
        template: 'scratch',
        outputPath: 'out/task-definition.json',
        failOn: 'never',
      },
      workspacePath: mockDir.path,
    });
    await liveAction.handler(ctx);
    const outputs = liveOutputs as Record<string, any>;

    const written = JSON.parse(readText('out/task-definition.json'));
    expect(written.taskDefinition.taskDefinitionArn).toBe(
      service.taskDefinition,
    );
    expect(written.tags).toEqual(
      sim.fleet.taskDefinitions[service.taskDefinition].tags,
    );
    expect(outputs.sourceTaskDefinitionArn).toBe(service.taskDefinition);
    expect(outputs.accountId).toBe('111111111111');
    expect(outputs.region).toBe('us-east-1');
    expect(outputs.observedPeakMiB).toBe(1800);
    expect(outputs.headroomAfter.observedPeakMiB).toBe(1800);
    expect(outputs.path).toBe('out/task-definition.json');
    expect(sim.callCounts()).toMatchObject({
      DescribeServices: expect.any(Number),
      DescribeTaskDefinition: expect.any(Number),
    });
  });

  describe('bad input fails with one clear message and leaves the file untouched', () => {
    const original = JSON.stringify(payments, null, 2);
    beforeEach(() => mockDir.setContent({ 'td.json': original }));

    it.each<[string, Record<string, unknown>, RegExp]>([
      [
        'a path outside the workspace',
        { path: '../td.json', template: 'scratch' },
        /path '..\/td.json' is outside the task workspace/,
      ],
      [
        'a missing file',
        { path: 'nope.json', template: 'scratch' },
        /path 'nope.json' does not exist/,
      ],
      [
        'an unknown container',
        {
          path: 'td.json',
          template: 'scratch',
          containers: ['payments-api', 'nginx'],
        },
        /containers: 'nginx' not found in the task definition \(containers: payments-api, log-router, datadog-agent\)/,
      ],
      [
        'an unknown template',
        { path: 'td.json', template: 'no-such-template' },
        /template 'no-such-template' is not a known tmpfs template/,
      ],
      [
        'template and mounts together',
        {
          path: 'td.json',
          template: 'scratch',
          mounts: [{ containerPath: '/x', size: 1 }],
        },
        /either template or mounts/,
      ],
      [
        'neither template nor mounts',
        { path: 'td.json' },
        /One of template or mounts is required/,
      ],
      [
        'a relative mount path',
        { path: 'td.json', mounts: [{ containerPath: 'tmp', size: 16 }] },
        /Invalid mounts: .*tmp/,
      ],
      [
        'a zero size',
        { path: 'td.json', mounts: [{ containerPath: '/tmp', size: 0 }] },
        /Invalid mounts: .*size/,
      ],
      [
        'an unknown mount option',
        {
          path: 'td.json',
          mounts: [
            { containerPath: '/tmp', size: 16, mountOptions: ['size=16m'] },
          ],
        },
        /Invalid mounts: .*size=16m/,
      ],
      [
        'a reserved mount path',
        { path: 'td.json', mounts: [{ containerPath: '/proc/x', size: 16 }] },
        /Invalid mounts: .*\/proc/,
      ],
      [
        'an ARN in an account that is not configured',
        {
          taskDefinitionArn:
            'arn:aws:ecs:us-east-1:999999999999:task-definition/payments-api:3',
          template: 'scratch',
          outputPath: 'td.json',
        },
        /Account 999999999999 in Region us-east-1 .* is not configured in ecsTmpfs.targets/,
      ],
      [
        'a Region that is not configured',
        {
          taskDefinitionArn:
            'arn:aws:ecs:ap-south-1:111111111111:task-definition/payments-api:3',
          template: 'scratch',
        },
        /Account 111111111111 in Region ap-south-1/,
      ],
      [
        'a malformed ARN',
        { taskDefinitionArn: 'payments-api:3', template: 'scratch' },
        /taskDefinitionArn 'payments-api:3' is not an ECS task-definition ARN/,
      ],
      [
        'both path and taskDefinitionArn',
        {
          path: 'td.json',
          taskDefinitionArn:
            'arn:aws:ecs:us-east-1:111111111111:task-definition/x:1',
          template: 'scratch',
        },
        /either path or taskDefinitionArn/,
      ],
      [
        'no source at all',
        { template: 'scratch' },
        /One of path, taskDefinitionArn or serviceArn is required/,
      ],
    ])('%s', async (_name, input, message) => {
      await expect(run(input)).rejects.toThrow(message);
      expect(mockDir.content()).toEqual({ 'td.json': original });
    });

    it('a file that is not JSON', async () => {
      mockDir.setContent({ 'td.json': 'family: payments\n' });
      await expect(
        run({ path: 'td.json', template: 'scratch' }),
      ).rejects.toThrow(/path 'td.json' is not valid JSON/);
      expect(readText('td.json')).toBe('family: payments\n');
    });

    it('a JSON file that is not a task definition', async () => {
      mockDir.setContent({ 'td.json': '{"name": "not a task definition"}\n' });
      await expect(
        run({ path: 'td.json', template: 'scratch' }),
      ).rejects.toThrow(/path 'td.json' is not an ECS task definition/);
      expect(readText('td.json')).toBe('{"name": "not a task definition"}\n');
    });

    it('a Windows task definition', async () => {
      const windows = JSON.stringify(
        references['windows-iis-fargate.json'],
        null,
        2,
      );
      mockDir.setContent({ 'td.json': windows });
      await expect(
        run({ path: 'td.json', template: 'scratch', failOn: 'never' }),
      ).rejects.toThrow(/windows/i);
      expect(readText('td.json')).toBe(windows);
    });

    it('a mount that would replace an existing one with another size or options', async () => {
      // payments-api already mounts /tmp (512 MiB, rw,noexec,nosuid,nodev,mode=1777)
      await expect(
        run({
          path: 'td.json',
          containers: ['payments-api'],
          mounts: [{ containerPath: '/tmp/', size: 1, mountOptions: ['exec'] }],
          applySecureDefaults: false,
          failOn: 'never',
        }),
      ).rejects.toThrow(
        /already has containerDefinitions\[0\]\.linuxParameters\.tmpfs\[0\] = .*"size":512.*set replaceExisting: true/,
      );
      expect(readText('td.json')).toBe(original);

      await run({
        path: 'td.json',
        containers: ['payments-api'],
        mounts: [{ containerPath: '/tmp', size: 1024 }],
        replaceExisting: true,
        failOn: 'never',
      });
      const tmp = JSON.parse(
        readText('td.json'),
      ).taskDefinition.containerDefinitions[0].linuxParameters.tmpfs.find(
        (m: any) => m.containerPath === '/tmp',
      );
      expect(tmp.size).toBe(1024);
    });

    it('findings at or above failOn after the change', async () => {
      // 4 GiB of tmpfs on a 4 GiB task: tmpfs-exceeds-task-memory is an error
      await expect(
        run({
          path: 'td.json',
          mounts: [{ containerPath: '/big', size: 4096 }],
        }),
      ).rejects.toThrow(
        /still has \d+ finding\(s\) at or above 'error'.*tmpfs-exceeds/,
      );
      expect(readText('td.json')).toBe(original);
    });
  });
});
