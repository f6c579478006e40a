import payments from '../__fixtures__/payments-java-fargate.json';
import web from '../__fixtures__/web-nginx-fargate.json';
import windows from '../__fixtures__/windows-iis-fargate.json';
import { cleanContainer, cleanTaskDefinition } from '../testUtils';
import { addTmpfsMounts, TransformError } from './addTmpfsMounts';

const tmp = { containerPath: '/tmp', size: 128 };

describe('addTmpfsMounts', () => {
  it('adds a mount, reports the diff and the findings before and after', () => {
    const { linuxParameters: _none, ...container } = cleanContainer({
      readonlyRootFilesystem: false,
      user: '1000',
    });
    const td = cleanTaskDefinition({}, [container]);
    const input = JSON.parse(JSON.stringify(td));
    const result = addTmpfsMounts(td, {
      mounts: [tmp],
      applySecureDefaults: true,
      readonlyRootFilesystem: true,
    });
    expect(td).toEqual(input);
    expect(result.changed).toBe(true);
    expect(result.diff).toEqual([
      {
        op: 'add',
        path: 'containerDefinitions[0].linuxParameters',
        after: {
          tmpfs: [
            {
              containerPath: '/tmp',
              size: 128,
              mountOptions: ['noexec', 'nosuid', 'nodev'],
            },
          ],
        },
      },
      {
        op: 'replace',
        path: 'containerDefinitions[0].readonlyRootFilesystem',
        before: false,
        after: true,
      },
    ]);
    expect(result.before.findings.map(f => f.ruleId)).toContain(
      'readonly-root-disabled',
    );
    expect(result.after.findings.map(f => f.ruleId)).toEqual([
      'tmpfs-not-writable-by-user',
    ]);
    const out = (result.taskDefinition.containerDefinitions as any[])[0];
    // the new field goes last, the replaced one stays where it was
    expect(Object.keys(out)).toEqual([
      'name',
      'image',
      'essential',
      'readonlyRootFilesystem',
      'user',
      'linuxParameters',
    ]);
  });

  it('is idempotent: the same mount twice, or [] vs no mountOptions, changes nothing', () => {
    const once = addTmpfsMounts(payments, {
      mounts: [{ containerPath: '/cache/', size: 64, mountOptions: [] }],
    });
    const twice = addTmpfsMounts(once.taskDefinition, {
      mounts: [{ containerPath: '/cache', size: 64 }],
    });
    expect(twice.changed).toBe(false);
    expect(twice.diff).toEqual([]);
    expect(twice.taskDefinition).toEqual(once.taskDefinition);
    expect(twice.taskDefinition).not.toBe(once.taskDefinition);
  });

  it('replaces an existing mount only when size or options differ, keeping its other keys', () => {
    const td = cleanTaskDefinition({}, [
      cleanContainer({
        linuxParameters: {
          tmpfs: [
            {
              note: 'keep',
              containerPath: '/tmp/',
              size: 64,
              mountOptions: ['nosuid', 'noexec', 'nodev'],
            },
          ],
        },
      }),
    ]);
    expect(
      addTmpfsMounts(td, {
        mounts: [
          {
            containerPath: '/tmp',
            size: 64,
            mountOptions: ['noexec', 'nodev', 'nosuid'],
          },
        ],
      }).changed,
    ).toBe(false);
    const result = addTmpfsMounts(td, {
      mounts: [{ containerPath: '/tmp', size: 256 }],
    });
    expect(result.diff).toEqual([
      {
        op: 'replace',
        path: 'containerDefinitions[0].linuxParameters.tmpfs[0]',
        before: {
          note: 'keep',
          containerPath: '/tmp/',
          size: 64,
          mountOptions: ['nosuid', 'noexec', 'nodev'],
        },
        after: { note: 'keep', containerPath: '/tmp/', size: 256 },
      },
    ]);
  });

  it('applies secure defaults: noexec,nosuid,nodev everywhere and mode=0700 on secret paths', () => {
    const result = addTmpfsMounts(cleanTaskDefinition(), {
      mounts: [
        {
          containerPath: '/run/secrets',
          size: 8,
          mountOptions: ['exec', 'mode=0755', 'uid=1000'],
        },
        { containerPath: '/var/cache', size: 8, mountOptions: ['suid'] },
      ],
      applySecureDefaults: true,
    });
    const tmpfs = (result.taskDefinition.containerDefinitions as any[])[0]
      .linuxParameters.tmpfs;
    expect(tmpfs[1].mountOptions).toEqual([
      'uid=1000',
      'noexec',
      'nosuid',
      'nodev',
      'mode=0700',
    ]);
    expect(tmpfs[2].mountOptions).toEqual(['noexec', 'nosuid', 'nodev']);
    expect(result.after.findings).toEqual([]);
  });

  it('defaults to the essential containers and honours an explicit selection', () => {
    const all = addTmpfsMounts(payments, {
      mounts: [{ containerPath: '/cache', size: 32 }],
    });
    expect(all.diff.map(d => d.path)).toEqual([
      'containerDefinitions[0].linuxParameters.tmpfs[2]',
      'containerDefinitions[1].linuxParameters.tmpfs[1]',
    ]);
    const one = addTmpfsMounts(payments, {
      containers: ['datadog-agent'],
      mounts: [tmp],
    });
    expect(one.diff.map(d => d.path)).toEqual([
      'containerDefinitions[2].linuxParameters',
    ]);
  });

  it('returns the task definition itself for a describe response and keeps every other field', () => {
    const result = addTmpfsMounts(web, { mounts: [tmp] });
    expect(Object.keys(result.taskDefinition)).toEqual(
      Object.keys(web.taskDefinition),
    );
    const untouched = Object.keys(web.taskDefinition).filter(
      key => key !== 'containerDefinitions',
    );
    expect(untouched.map(key => result.taskDefinition[key])).toEqual(
      untouched.map(key => (web.taskDefinition as any)[key]),
    );
  });

  it.each([
    [
      payments,
      { mounts: [tmp, { containerPath: '/tmp/', size: 8 }] },
      'mounts[1].containerPath: "/tmp/" is the same path as mounts[0]',
    ],
    [windows, { mounts: [tmp] }, 'not supported on WINDOWS_SERVER_2022_CORE'],
    [
      payments,
      { containers: ['nope'], mounts: [tmp] },
      'no container named "nope"',
    ],
    [payments, { mounts: [] }, 'mounts: must be a non-empty list'],
    [
      payments,
      { mounts: [{ containerPath: '/tmp', size: 0 }] },
      'mounts[0].size: must be an integer',
    ],
    [
      [payments, payments],
      { mounts: [tmp] },
      'expected one task definition, got 2',
    ],
  ])(
    'refuses bad requests with a TransformError (%#)',
    (td, request, message) => {
      expect(() => addTmpfsMounts(td, request as any)).toThrow(TransformError);
      expect(() => addTmpfsMounts(td, request as any)).toThrow(message);
    },
  );
});
