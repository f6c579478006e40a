import { findingsOf, withTmpfs } from '../../testUtils';

const ID = 'tmpfs-not-writable-by-user';

const mount = (user: string | undefined, mountOptions: string[]) =>
  withTmpfs([{ containerPath: '/tmp', size: 8, mountOptions }], { user });

describe('tmpfs-not-writable-by-user', () => {
  it('fires for a non-root user without mode or uid', () => {
    const findings = findingsOf(ID, mount('1000:1000', ['noexec']));
    expect(findings).toHaveLength(1);
    expect(findings[0].severity).toBe('info');
    expect(findings[0].fix).toContain('uid=1000');
  });

  it('fires when uid names another user and the mode is private', () => {
    expect(
      findingsOf(ID, mount('1000', ['uid=2000', 'mode=0700'])),
    ).toHaveLength(1);
  });

  it('does not fire for root, a matching uid, a world-writable mode, a group mode, or ro', () => {
    expect(findingsOf(ID, mount(undefined, ['noexec']))).toEqual([]);
    expect(findingsOf(ID, mount('root', ['noexec']))).toEqual([]);
    expect(findingsOf(ID, mount('0:0', ['noexec']))).toEqual([]);
    expect(findingsOf(ID, mount('1000', ['uid=1000', 'mode=0700']))).toEqual(
      [],
    );
    expect(findingsOf(ID, mount('nginx', ['uid=101']))).toEqual([]);
    expect(findingsOf(ID, mount('1000', ['mode=1777']))).toEqual([]);
    expect(findingsOf(ID, mount('1000:50', ['gid=50', 'mode=0770']))).toEqual(
      [],
    );
    expect(findingsOf(ID, mount('1000', ['ro']))).toEqual([]);
  });
});
