import { findingsOf, withTmpfs } from '../../testUtils';

const ID = 'tmpfs-option-unknown';

const mount = (mountOptions: unknown) =>
  withTmpfs([{ containerPath: '/tmp', size: 8, mountOptions }]);

describe('tmpfs-option-unknown', () => {
  it('fires for an option ECS does not know, pointing at it', () => {
    const findings = findingsOf(ID, mount(['noexec', 'nosymfollow']));
    expect(findings).toHaveLength(1);
    expect(findings[0].path).toBe(
      'containerDefinitions[0].linuxParameters.tmpfs[0].mountOptions[1]',
    );
    expect(findings[0].message).toContain('"nosymfollow"');
  });

  it('fires for size=, which ECS sets itself', () => {
    const [f] = findingsOf(ID, mount(['size=100m']));
    expect(f.message).toContain('ECS sets the size');
  });

  it('fires for a comma-separated string and for non-string entries', () => {
    const [f] = findingsOf(ID, mount('rw,noexec'));
    expect(f.path).toBe(
      'containerDefinitions[0].linuxParameters.tmpfs[0].mountOptions',
    );
    expect(f.fix).toContain('["rw","noexec"]');
    expect(findingsOf(ID, mount([7]))[0].message).toContain('7');
  });

  it('does not fire for every ECS option, bare or with a value', () => {
    expect(
      findingsOf(
        ID,
        mount([
          'defaults',
          'rw',
          'noexec',
          'mode=0700',
          'uid=1',
          'mpol=default',
          'rslave',
        ]),
      ),
    ).toEqual([]);
    expect(findingsOf(ID, mount([]))).toEqual([]);
  });
});
