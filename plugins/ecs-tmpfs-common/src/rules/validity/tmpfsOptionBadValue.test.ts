import { findingsOf, withTmpfs } from '../../testUtils';

const ID = 'tmpfs-option-bad-value';

const mount = (mountOptions: unknown) =>
  withTmpfs([{ containerPath: '/tmp', size: 8, mountOptions }]);

describe('tmpfs-option-bad-value', () => {
  it.each([
    'mode=700x',
    'mode=07',
    'mode=0800',
    'mode=',
    'uid=-1',
    'gid=abc',
    'nr_inodes=many',
    'nr_blocks=1x',
    'mpol=random',
    'noexec=1',
  ])('fires for %s', option => {
    const findings = findingsOf(ID, mount([option]));
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain(JSON.stringify(option));
  });

  it.each([
    'mode=700',
    'mode=0700',
    'mode=1777',
    'uid=0',
    'gid=1000',
    'nr_inodes=10k',
    'nr_blocks=50%',
    'mpol=bind:0-3',
    'mpol=interleave=static:0',
    'mpol=local',
  ])('does not fire for %s', option => {
    expect(findingsOf(ID, mount([option]))).toEqual([]);
  });
});
