import { cleanTaskDefinition, findingsOf, withTmpfs } from '../../testUtils';

const ID = 'tmpfs-unsupported-os';
const WINDOWS = {
  runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE' },
  cpu: '1024',
  memory: '2048',
};

describe('tmpfs-unsupported-os', () => {
  it('fires for tmpfs on a Windows task', () => {
    const findings = findingsOf(
      ID,
      withTmpfs([{ containerPath: '/tmp', size: 8 }], {}, WINDOWS),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('WINDOWS_SERVER_2022_CORE');
    expect(findings[0].path).toBe(
      'containerDefinitions[0].linuxParameters.tmpfs',
    );
  });

  it('does not fire on Linux, or on Windows without tmpfs', () => {
    expect(
      findingsOf(ID, withTmpfs([{ containerPath: '/tmp', size: 8 }])),
    ).toEqual([]);
    expect(
      findingsOf(
        ID,
        cleanTaskDefinition(WINDOWS, [{ name: 'iis', image: 'iis' }]),
      ),
    ).toEqual([]);
    expect(findingsOf(ID, withTmpfs([], {}, WINDOWS))).toEqual([]);
  });
});
