import { findingsOf, withTmpfs } from '../../testUtils';

const ID = 'tmpfs-exec-allowed';

const mount = (mountOptions: string[]) =>
  withTmpfs([{ containerPath: '/tmp', size: 8, mountOptions }]);

describe('tmpfs-exec-allowed', () => {
  it('fires for a writable tmpfs with exec', () => {
    const findings = findingsOf(ID, mount(['rw', 'exec']));
    expect(findings).toHaveLength(1);
    expect(findings[0].path).toBe(
      'containerDefinitions[0].linuxParameters.tmpfs[0].mountOptions[1]',
    );
    expect(findings[0].message).toContain('"/tmp"');
  });

  it('does not fire for noexec, a later noexec, a read-only mount or Docker defaults', () => {
    expect(findingsOf(ID, mount(['noexec']))).toEqual([]);
    expect(findingsOf(ID, mount(['exec', 'noexec']))).toEqual([]);
    expect(findingsOf(ID, mount(['exec', 'ro']))).toEqual([]);
    expect(findingsOf(ID, mount([]))).toEqual([]);
  });
});
