import { findingsOf, withTmpfs } from '../../testUtils';

const ID = 'tmpfs-size-suspicious';

describe('tmpfs-size-suspicious', () => {
  it('fires for a size given in bytes', () => {
    const findings = findingsOf(
      ID,
      withTmpfs([{ containerPath: '/tmp', size: 104857600 }]),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].severity).toBe('warning');
    expect(findings[0].message).toContain('104857600');
    expect(findings[0].fix).toContain('write 100');
  });

  it('fires at exactly 1 TiB and guesses KiB for other large values', () => {
    const [f] = findingsOf(
      ID,
      withTmpfs([{ containerPath: '/tmp', size: 1048577 * 2 }]),
    );
    expect(f.message).toContain('KiB');
    expect(
      findingsOf(ID, withTmpfs([{ containerPath: '/tmp', size: 1048576 }])),
    ).toHaveLength(1);
  });

  it('does not fire below 1 TiB', () => {
    expect(
      findingsOf(ID, withTmpfs([{ containerPath: '/tmp', size: 1048575 }])),
    ).toEqual([]);
  });
});
