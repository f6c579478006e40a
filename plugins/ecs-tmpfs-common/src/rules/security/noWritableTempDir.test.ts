import {
  cleanContainer,
  cleanTaskDefinition,
  findingsOf,
  withTmpfs,
} from '../../testUtils';

const ID = 'no-writable-temp-dir';

describe('no-writable-temp-dir', () => {
  it('fires for a read-only root without a /tmp mount', () => {
    const findings = findingsOf(
      ID,
      withTmpfs([{ containerPath: '/cache', size: 8 }]),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('"/tmp"');
  });

  it('follows TMPDIR and java.io.tmpdir', () => {
    const findings = findingsOf(
      ID,
      withTmpfs([{ containerPath: '/tmp', size: 8 }], {
        environment: [
          { name: 'TMPDIR', value: '/scratch' },
          {
            name: 'JAVA_TOOL_OPTIONS',
            value: '-Xmx1g -Djava.io.tmpdir=/var/jtmp',
          },
        ],
      }),
    );
    expect(findings.map(f => f.message)).toEqual([
      expect.stringContaining('"/scratch"'),
      expect.stringContaining('"/var/jtmp"'),
    ]);
  });

  it('accepts a read-write volume or an ancestor tmpfs, not a read-only one', () => {
    expect(
      findingsOf(
        ID,
        withTmpfs([], {
          mountPoints: [{ sourceVolume: 'tmp', containerPath: '/tmp/' }],
        }),
      ),
    ).toEqual([]);
    expect(
      findingsOf(
        ID,
        withTmpfs([{ containerPath: '/var', size: 8 }], {
          environment: [{ name: 'TMPDIR', value: '/var/tmp' }],
        }),
      ),
    ).toEqual([]);
    expect(
      findingsOf(
        ID,
        withTmpfs([{ containerPath: '/tmp', size: 8, mountOptions: ['ro'] }]),
      ),
    ).toHaveLength(1);
    expect(
      findingsOf(
        ID,
        withTmpfs([], {
          mountPoints: [
            { sourceVolume: 't', containerPath: '/tmp', readOnly: true },
          ],
        }),
      ),
    ).toHaveLength(1);
  });

  it('does not fire when the root is writable', () => {
    expect(
      findingsOf(
        ID,
        cleanTaskDefinition({}, [
          cleanContainer({
            readonlyRootFilesystem: false,
            linuxParameters: {},
          }),
        ]),
      ),
    ).toEqual([]);
  });
});
