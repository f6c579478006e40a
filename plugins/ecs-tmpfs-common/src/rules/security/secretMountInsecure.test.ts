import { findingsOf, withTmpfs } from '../../testUtils';

const ID = 'secret-mount-insecure';

const mount = (containerPath: string, mountOptions?: string[]) =>
  withTmpfs([
    {
      containerPath: '/tmp',
      size: 8,
      mountOptions: ['noexec', 'nosuid', 'nodev'],
    },
    { containerPath, size: 8, ...(mountOptions && { mountOptions }) },
  ]);

const SECURE = ['noexec', 'nosuid', 'nodev', 'mode=0700'];

describe('secret-mount-insecure', () => {
  it.each([
    '/secrets',
    '/run/secrets',
    '/var/run/secrets/',
    '/app/db-credentials',
    '/home/app/.aws',
    '/root/.ssh',
    '/var/token',
  ])('fires for %s without secure options', path => {
    const findings = findingsOf(ID, mount(path));
    expect(findings).toHaveLength(1);
    expect(findings[0].path).toBe(
      'containerDefinitions[0].linuxParameters.tmpfs[1]',
    );
    expect(findings[0].message).toContain('noexec, nosuid, nodev, mode=0700');
  });

  it('treats a bare mode, a looser mode or a later exec as insecure', () => {
    expect(
      findingsOf(
        ID,
        mount('/secrets', ['noexec', 'nosuid', 'nodev', 'mode']),
      )[0].message,
    ).toContain('lacks mode=0700');
    expect(
      findingsOf(
        ID,
        mount('/secrets', ['noexec', 'nosuid', 'nodev', 'mode=0750']),
      ),
    ).toHaveLength(1);
    expect(
      findingsOf(ID, mount('/secrets', [...SECURE, 'exec']))[0].message,
    ).toContain('lacks noexec');
  });

  it('does not fire for mode=0700, a stricter mode, or a non-secret path', () => {
    expect(findingsOf(ID, mount('/secrets', SECURE))).toEqual([]);
    expect(
      findingsOf(
        ID,
        mount('/run/secrets', ['noexec', 'nosuid', 'nodev', 'mode=0500']),
      ),
    ).toEqual([]);
    expect(findingsOf(ID, mount('/var/cache'))).toEqual([]);
  });
});
