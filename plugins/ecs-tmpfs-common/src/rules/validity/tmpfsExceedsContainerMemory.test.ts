import { findingsOf, withTmpfs } from '../../testUtils';

const ID = 'tmpfs-exceeds-container-memory';

describe('tmpfs-exceeds-container-memory', () => {
  it('fires when the tmpfs total is larger than the hard limit', () => {
    const findings = findingsOf(
      ID,
      withTmpfs(
        [
          { containerPath: '/tmp', size: 200 },
          { containerPath: '/cache', size: 100 },
        ],
        { memory: 256 },
      ),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('300 MiB');
    expect(findings[0].message).toContain('256 MiB');
  });

  it('does not fire at the limit, without a hard limit, or for invalid sizes', () => {
    expect(
      findingsOf(
        ID,
        withTmpfs([{ containerPath: '/tmp', size: 256 }], { memory: 256 }),
      ),
    ).toEqual([]);
    expect(
      findingsOf(
        ID,
        withTmpfs([{ containerPath: '/tmp', size: 400 }], {
          memoryReservation: 256,
        }),
      ),
    ).toEqual([]);
    expect(
      findingsOf(
        ID,
        withTmpfs([{ containerPath: '/tmp', size: '900' }], { memory: 256 }),
      ),
    ).toEqual([]);
  });
});
