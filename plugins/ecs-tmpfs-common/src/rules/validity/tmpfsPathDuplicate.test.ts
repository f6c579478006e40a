import { findingsOf, withTmpfs } from '../../testUtils';

const ID = 'tmpfs-path-duplicate';

describe('tmpfs-path-duplicate', () => {
  it('treats /data and /data/ as the same path', () => {
    const findings = findingsOf(
      ID,
      withTmpfs([
        { containerPath: '/data', size: 8 },
        { containerPath: '/data/', size: 8 },
      ]),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].path).toBe(
      'containerDefinitions[0].linuxParameters.tmpfs[1].containerPath',
    );
    expect(findings[0].message).toContain('"/data/"');
  });

  it('fires for a tmpfs on the path of a mountPoints volume', () => {
    const findings = findingsOf(
      ID,
      withTmpfs([{ containerPath: '/tmp', size: 8 }], {
        mountPoints: [{ sourceVolume: 'scratch', containerPath: '//tmp' }],
      }),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('mountPoints[0]');
  });

  it('does not fire for distinct paths, nor across containers', () => {
    expect(
      findingsOf(
        ID,
        withTmpfs([
          { containerPath: '/data', size: 8 },
          { containerPath: '/data2', size: 8 },
          { containerPath: '/data/sub', size: 8 },
        ]),
      ),
    ).toEqual([]);
  });
});
