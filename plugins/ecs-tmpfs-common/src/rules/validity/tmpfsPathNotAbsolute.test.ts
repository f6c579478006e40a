import { findingsOf, withTmpfs } from '../../testUtils';

const ID = 'tmpfs-path-not-absolute';

describe('tmpfs-path-not-absolute', () => {
  it.each([['tmp'], [''], ['./cache'], [undefined], [42]])(
    'fires for containerPath %p',
    containerPath => {
      const findings = findingsOf(ID, withTmpfs([{ containerPath, size: 8 }]));
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({
        severity: 'error',
        path: 'containerDefinitions[0].linuxParameters.tmpfs[0].containerPath',
        container: 'app',
      });
      expect(findings[0].message).toContain(
        containerPath === undefined ? 'missing' : JSON.stringify(containerPath),
      );
    },
  );

  it('suggests the absolute form of a relative path', () => {
    const [f] = findingsOf(ID, withTmpfs([{ containerPath: 'tmp', size: 8 }]));
    expect(f.fix).toContain('"/tmp"');
  });

  it('does not fire for absolute paths', () => {
    expect(
      findingsOf(ID, withTmpfs([{ containerPath: '/var/cache/', size: 8 }])),
    ).toEqual([]);
  });
});
