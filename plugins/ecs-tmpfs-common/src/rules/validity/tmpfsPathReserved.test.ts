import { findingsOf, withTmpfs } from '../../testUtils';

const ID = 'tmpfs-path-reserved';

describe('tmpfs-path-reserved', () => {
  it.each([
    '/',
    '/proc',
    '/sys',
    '/dev',
    '/proc/sys',
    '/sys/fs/cgroup',
    '/proc/',
  ])('fires for %s', containerPath => {
    const findings = findingsOf(ID, withTmpfs([{ containerPath, size: 8 }]));
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain(JSON.stringify(containerPath));
  });

  it.each(['/dev/shm', '/process', '/system', '/tmp'])(
    'does not fire for %s',
    containerPath => {
      expect(findingsOf(ID, withTmpfs([{ containerPath, size: 8 }]))).toEqual(
        [],
      );
    },
  );
});
