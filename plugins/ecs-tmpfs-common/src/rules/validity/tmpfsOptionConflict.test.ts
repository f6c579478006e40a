import { findingsOf, withTmpfs } from '../../testUtils';

const ID = 'tmpfs-option-conflict';

const mount = (mountOptions: unknown) =>
  withTmpfs([{ containerPath: '/tmp', size: 8, mountOptions }]);

describe('tmpfs-option-conflict', () => {
  it.each([
    ['ro', 'rw'],
    ['exec', 'noexec'],
    ['nosuid', 'suid'],
    ['dev', 'nodev'],
    ['sync', 'async'],
    ['mand', 'nomand'],
    ['atime', 'noatime'],
    ['diratime', 'nodiratime'],
    ['relatime', 'norelatime'],
    ['strictatime', 'nostrictatime'],
    ['shared', 'rprivate'],
    ['mode=0700', 'mode=0755'],
  ])('fires for %s with %s, pointing at the later one', (a, b) => {
    const findings = findingsOf(
      ID,
      mount(
        ['nosuid', a, 'nodev', b].filter((o, i, all) => all.indexOf(o) === i),
      ),
    );
    expect(findings.length).toBeGreaterThanOrEqual(1);
    const f = findings.find(x => x.message.includes(`"${b}"`))!;
    expect(f.message).toContain(`"${a}"`);
    expect(f.path).toMatch(/mountOptions\[\d\]$/);
  });

  it('does not fire for consistent options or a repeated flag', () => {
    expect(
      findingsOf(
        ID,
        mount([
          'rw',
          'noexec',
          'nosuid',
          'nodev',
          'noexec',
          'rslave',
          'rslave',
          'mode=0700',
          'mode=0700',
        ]),
      ),
    ).toEqual([]);
  });
});
