import { FARGATE_SIZES } from '../../headroom/fargate';
import { cleanTaskDefinition, findingsOf } from '../../testUtils';

const ID = 'fargate-size-invalid';

const sized = (cpu: unknown, memory: unknown, extra: object = {}) =>
  cleanTaskDefinition({ cpu, memory, ...extra });

describe('fargate-size-invalid', () => {
  for (const { cpu, memory } of FARGATE_SIZES) {
    const lowest = memory[0];
    const highest = memory[memory.length - 1];
    it(`accepts cpu ${cpu} with ${lowest} and ${highest} and rejects ${
      highest + 1024
    }`, () => {
      expect(findingsOf(ID, sized(String(cpu), String(lowest)))).toEqual([]);
      expect(findingsOf(ID, sized(cpu, highest))).toEqual([]);
      const findings = findingsOf(
        ID,
        sized(String(cpu), String(highest + 1024)),
      );
      expect(findings).toHaveLength(1);
      expect(findings[0].path).toBe('memory');
      expect(findings[0].message).toContain(String(highest + 1024));
    });
  }

  it('rejects a memory between the steps', () => {
    expect(findingsOf(ID, sized('8192', '18432'))).toHaveLength(1);
    expect(findingsOf(ID, sized('512', '1536'))).toHaveLength(1);
  });

  it('rejects an unknown cpu and names the valid ones', () => {
    const [f] = findingsOf(ID, sized('3072', '8192'));
    expect(f.path).toBe('cpu');
    expect(f.message).toContain('3072');
  });

  it('accepts the "1 vCPU" / "2 GB" forms', () => {
    expect(findingsOf(ID, sized('1 vCPU', '2 GB'))).toEqual([]);
    expect(findingsOf(ID, sized('.25 vcpu', '0.5GB'))).toHaveLength(1);
  });

  it('fires when Fargate cpu or memory is missing, with a suggested pair', () => {
    const [f] = findingsOf(ID, sized(undefined, '2048'));
    expect(f.message).toContain('no task-level cpu');
    expect(f.fix).toContain('cpu "256" with memory "2048"');
  });

  it('does not fire for EC2 tasks', () => {
    expect(
      findingsOf(
        ID,
        sized('3072', '5000', { requiresCompatibilities: ['EC2'] }),
      ),
    ).toEqual([]);
  });
});
