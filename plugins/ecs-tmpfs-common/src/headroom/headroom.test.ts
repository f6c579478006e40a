import { parseTaskDefinition } from '../model/parse';
import { cleanContainer, cleanTaskDefinition } from '../testUtils';
import { computeHeadroom, HEADROOM_FORMULA } from './headroom';

const model = (raw: Record<string, unknown>) => parseTaskDefinition(raw).model;
const tmpfs = (...sizes: unknown[]) => ({
  tmpfs: sizes.map((size, i) => ({ containerPath: `/t${i}`, size })),
});

describe('computeHeadroom', () => {
  const fargate = model(
    cleanTaskDefinition({ cpu: '1024', memory: '4096' }, [
      cleanContainer({
        name: 'a',
        memory: 3000,
        linuxParameters: tmpfs(512, 128),
      }),
      cleanContainer({ name: 'b', linuxParameters: tmpfs(256, 'x', 0) }),
    ]),
  );

  it('names the task memory as the limit and sums valid tmpfs per container', () => {
    const h = computeHeadroom(fargate, { observedPeakMiB: 2000 });
    expect(h).toMatchObject({
      formula: HEADROOM_FORMULA,
      limitMiB: 4096,
      limitSource: 'task-memory',
      tmpfsTotalMiB: 896,
      perContainer: [
        { container: 'a', tmpfsMiB: 640, memoryMiB: 3000 },
        { container: 'b', tmpfsMiB: 256 },
      ],
      headroomMiB: 1200,
      status: 'ok',
      thresholdRatio: 0.1,
    });
    expect(h.headroomRatio).toBeCloseTo(1200 / 4096);
    expect(h.recommendation).toMatchObject({
      kind: 'fargate',
      cpu: 1024,
      memoryMiB: 4096,
      downsize: false,
    });
  });

  it('is unknown without an observed peak, never ok or 0', () => {
    const h = computeHeadroom(fargate);
    expect(h.status).toBe('unknown');
    expect(h.headroomMiB).toBeUndefined();
    expect(h.recommendation).toBeUndefined();
  });

  it('reports low and exhausted', () => {
    expect(computeHeadroom(fargate, { observedPeakMiB: 2900 }).status).toBe(
      'low',
    );
    expect(computeHeadroom(fargate, { observedPeakMiB: 3200 }).status).toBe(
      'exhausted',
    );
    expect(computeHeadroom(fargate, { observedPeakMiB: 3201 })).toMatchObject({
      status: 'exhausted',
      headroomMiB: -1,
      recommendation: { cpu: 1024, memoryMiB: 5120 },
    });
  });

  it('falls back to container hard limits, then soft limits, then unknown', () => {
    const ec2 = (containers: Record<string, unknown>[]) =>
      model(
        cleanTaskDefinition(
          {
            requiresCompatibilities: ['EC2'],
            cpu: undefined,
            memory: undefined,
          },
          containers,
        ),
      );
    expect(
      computeHeadroom(
        ec2([
          { name: 'a', memory: 512 },
          { name: 'b', memory: 256 },
        ]),
      ),
    ).toMatchObject({
      limitMiB: 768,
      limitSource: 'container-hard-limits',
    });
    expect(
      computeHeadroom(
        ec2([
          { name: 'a', memory: 512 },
          { name: 'b', memoryReservation: 128 },
        ]),
      ),
    ).toMatchObject({ limitMiB: 640, limitSource: 'container-soft-limits' });
    const unknown = computeHeadroom(
      ec2([{ name: 'a', memory: 512 }, { name: 'b' }]),
      { observedPeakMiB: 100 },
    );
    expect(unknown).toMatchObject({
      limitSource: 'unknown',
      status: 'unknown',
    });
    expect(unknown.limitMiB).toBeUndefined();
    expect(unknown.recommendation).toMatchObject({
      kind: 'ec2',
      memoryMiB: 128,
    });
  });

  it('honours the threshold and rejects a nonsense one', () => {
    expect(
      computeHeadroom(fargate, {
        observedPeakMiB: 2000,
        headroomThreshold: 0.3,
      }).status,
    ).toBe('low');
    expect(() => computeHeadroom(fargate, { headroomThreshold: 1 })).toThrow(
      'headroomThreshold',
    );
  });
});
