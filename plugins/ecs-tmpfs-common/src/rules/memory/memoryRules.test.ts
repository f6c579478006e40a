import {
  cleanContainer,
  cleanTaskDefinition,
  findingsOf,
} from '../../testUtils';

// 2048 cpu / 4096 MiB Fargate task with 512 MiB of tmpfs.
const td = cleanTaskDefinition({ cpu: '2048', memory: '4096' }, [
  cleanContainer({
    linuxParameters: { tmpfs: [{ containerPath: '/tmp', size: 512 }] },
  }),
]);
const withPeak = (observedPeakMiB?: number) => ({
  metricsAvailable: true,
  observedPeakMiB,
});

describe('headroom-exhausted', () => {
  it('fires when peak + tmpfs reach the limit', () => {
    const [f] = findingsOf('headroom-exhausted', td, withPeak(3584));
    expect(f).toMatchObject({ severity: 'error', path: 'memory' });
    expect(f.message).toContain('3584 MiB');
    expect(f.fix).toContain('cpu 2048 / memory 5120 MiB');
  });
  it('does not fire below the limit or without metrics', () => {
    expect(findingsOf('headroom-exhausted', td, withPeak(3583))).toEqual([]);
    expect(
      findingsOf('headroom-exhausted', td, { observedPeakMiB: 9000 }),
    ).toEqual([]);
  });
});

describe('headroom-low', () => {
  it('fires under the threshold', () => {
    const [f] = findingsOf('headroom-low', td, withPeak(3300));
    expect(f.message).toContain('284 MiB');
    expect(
      findingsOf('headroom-low', td, {
        ...withPeak(3000),
        headroomThreshold: 0.2,
      }),
    ).toHaveLength(1);
  });
  it('rounds MiB in its message to at most one decimal', () => {
    // a CloudWatch-derived peak: 4096 − 512 − 3557.600000000023 is float noise
    const [f] = findingsOf('headroom-low', td, withPeak(3557.600000000023));
    expect(f.message).toBe(
      'worst-case headroom is 26.4 MiB (0.6 % of 4096 MiB), under the 10 % threshold',
    );
    const [exhausted] = findingsOf(
      'headroom-exhausted',
      td,
      withPeak(3600.04999999),
    );
    expect(exhausted.message).toContain(
      'observed peak 3600 MiB + tmpfs 512 MiB ≥ memory limit 4096 MiB (headroom -16 MiB)',
    );
  });

  it('does not fire at or above the threshold, nor when exhausted', () => {
    expect(findingsOf('headroom-low', td, withPeak(3000))).toEqual([]);
    expect(findingsOf('headroom-low', td, withPeak(4000))).toEqual([]);
  });
});

describe('memory-oversized', () => {
  it('fires far below the limit and names the smallest valid size', () => {
    const big = cleanTaskDefinition({ cpu: '1024', memory: '8192' }, [
      cleanContainer({
        linuxParameters: { tmpfs: [{ containerPath: '/tmp', size: 512 }] },
      }),
    ]);
    const [f] = findingsOf('memory-oversized', big, withPeak(500));
    expect(f.severity).toBe('info');
    expect(f.fix).toContain('cpu 1024 / memory 2048 MiB');
    // cpu is never lowered: 2048 cpu cannot go below 4096 MiB, so no smaller size exists
    expect(findingsOf('memory-oversized', td, withPeak(500))).toEqual([]);
    const ec2 = cleanTaskDefinition(
      { requiresCompatibilities: ['EC2'], cpu: undefined, memory: '8192' },
      [
        cleanContainer({
          linuxParameters: { tmpfs: [{ containerPath: '/tmp', size: 512 }] },
        }),
      ],
    );
    expect(
      findingsOf('memory-oversized', ec2, withPeak(1000))[0].fix,
    ).toContain('memory 1728 MiB');
  });
  it('does not fire when use is over half the limit', () => {
    expect(findingsOf('memory-oversized', td, withPeak(1600))).toEqual([]);
  });
});

describe('metrics-missing', () => {
  it('fires when metrics were fetched but have no datapoints', () => {
    const [f] = findingsOf('metrics-missing', td, withPeak(undefined));
    expect(f.message).toContain('unknown');
  });
  it('does not fire with a peak or when metrics are not available', () => {
    expect(findingsOf('metrics-missing', td, withPeak(100))).toEqual([]);
    expect(findingsOf('metrics-missing', td)).toEqual([]);
  });
});
