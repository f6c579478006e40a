import {
  cleanContainer,
  cleanTaskDefinition,
  findingsOf,
} from '../../testUtils';

const ID = 'fargate-linux-parameter-unsupported';

const withLinux = (
  linuxParameters: Record<string, unknown>,
  task: Record<string, unknown> = {},
) => cleanTaskDefinition(task, [cleanContainer({ linuxParameters })]);

describe('fargate-linux-parameter-unsupported', () => {
  it.each([
    ['sharedMemorySize', 64],
    ['devices', [{ hostPath: '/dev/fuse' }]],
    ['maxSwap', 0],
    ['swappiness', 60],
  ])('fires for %s on Fargate', (key, value) => {
    const findings = findingsOf(ID, withLinux({ [key]: value }));
    expect(findings).toHaveLength(1);
    expect(findings[0].path).toBe(
      `containerDefinitions[0].linuxParameters.${key}`,
    );
    expect(findings[0].message).toContain(key);
  });

  it('does not fire on EC2 or for tmpfs/initProcessEnabled on Fargate', () => {
    expect(
      findingsOf(
        ID,
        withLinux(
          { sharedMemorySize: 64 },
          { requiresCompatibilities: ['EC2'] },
        ),
      ),
    ).toEqual([]);
    expect(
      findingsOf(ID, withLinux({ initProcessEnabled: true, tmpfs: [] })),
    ).toEqual([]);
  });
});
