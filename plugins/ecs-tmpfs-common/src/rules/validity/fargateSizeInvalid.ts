import {
  FARGATE_SIZES,
  fargateMemoryFor,
  isValidFargateSize,
  smallestFargateSize,
} from '../../headroom/fargate';
import { isFargate, isWindows } from '../../model/containers';
import { describeValue } from '../../model/json';
import type { Rule } from '../types';

function suggestion(cpu?: number, memory?: number): string {
  const size = smallestFargateSize(memory ?? 0, cpu ?? 0);
  return size
    ? `Use a valid pair such as cpu "${size.cpu}" with memory "${size.memory}".`
    : `Use a valid pair from the Fargate table (cpu ${FARGATE_SIZES.map(
        s => s.cpu,
      ).join(', ')}).`;
}

export const fargateSizeInvalid: Rule = {
  id: 'fargate-size-invalid',
  severity: 'error',
  category: 'validity',
  description: 'A Fargate task needs a valid task-level cpu/memory pair.',
  check: ({ td, parsed }) => {
    // Windows Fargate has its own, smaller table; this rule knows the Linux one.
    if (!isFargate(td) || isWindows(td)) return [];
    const { cpu, memory } = td;
    if (cpu === undefined || memory === undefined) {
      const missing = cpu === undefined ? 'cpu' : 'memory';
      return [
        {
          path: missing,
          message: `Fargate task has ${
            parsed.raw[missing] === undefined
              ? `no task-level ${missing}`
              : `an unreadable ${missing} ${describeValue(parsed.raw[missing])}`
          }`,
          fix: suggestion(cpu, memory),
        },
      ];
    }
    if (isValidFargateSize(cpu, memory)) return [];
    const allowed = fargateMemoryFor(cpu);
    return [
      {
        path: allowed ? 'memory' : 'cpu',
        message: allowed
          ? `Fargate memory ${memory} MiB is not valid with cpu ${cpu} (allowed: ${allowed.join(
              ', ',
            )})`
          : `Fargate cpu ${cpu} is not a valid Fargate cpu value (allowed: ${FARGATE_SIZES.map(
              s => s.cpu,
            ).join(', ')})`,
        fix: suggestion(allowed ? cpu : undefined, memory),
      },
    ];
  },
};
