import { findingsOf, withTmpfs } from '../../testUtils';

const ID = 'tmpfs-option-needs-value';

const mount = (mountOptions: unknown) =>
  withTmpfs([{ containerPath: '/tmp', size: 8, mountOptions }]);

describe('tmpfs-option-needs-value', () => {
  it.each(['mode', 'uid', 'gid', 'nr_inodes', 'nr_blocks', 'mpol'])(
    'fires for a bare %s',
    option => {
      const findings = findingsOf(ID, mount(['noexec', option]));
      expect(findings).toHaveLength(1);
      expect(findings[0].path).toMatch(/mountOptions\[1\]$/);
      expect(findings[0].fix).toContain(`${option}=`);
    },
  );

  it('does not fire for mode=0700', () => {
    expect(findingsOf(ID, mount(['mode=0700', 'uid=1000']))).toEqual([]);
  });
});
