/** Valid Fargate task sizes (Linux), from the ECS task-size table: cpu units → memory MiB. */
function range(from: number, to: number, step: number): number[] {
  const values: number[] = [];
  for (let v = from; v <= to; v += step) values.push(v);
  return values;
}

/** @public */
export const FARGATE_SIZES: { cpu: number; memory: number[] }[] = [
  { cpu: 256, memory: [512, 1024, 2048] },
  { cpu: 512, memory: range(1024, 4096, 1024) },
  { cpu: 1024, memory: range(2048, 8192, 1024) },
  { cpu: 2048, memory: range(4096, 16384, 1024) },
  { cpu: 4096, memory: range(8192, 30720, 1024) },
  { cpu: 8192, memory: range(16384, 61440, 4096) },
  { cpu: 16384, memory: range(32768, 122880, 8192) },
];

/** @public */
export function isValidFargateSize(cpu: number, memoryMiB: number): boolean {
  return FARGATE_SIZES.some(
    size => size.cpu === cpu && size.memory.includes(memoryMiB),
  );
}

/** The memory values a Fargate cpu allows, or undefined for a cpu that is not in the table. */
export function fargateMemoryFor(cpu: number): number[] | undefined {
  return FARGATE_SIZES.find(size => size.cpu === cpu)?.memory;
}

/**
 * The smallest valid Fargate pair with memory ≥ minMemoryMiB and cpu ≥ minCpu: least memory
 * first (memory is what headroom needs), then least cpu.
 * @public
 */
export function smallestFargateSize(
  minMemoryMiB: number,
  minCpu: number = 0,
): { cpu: number; memory: number } | undefined {
  let best: { cpu: number; memory: number } | undefined;
  for (const size of FARGATE_SIZES) {
    if (size.cpu < minCpu) continue;
    const memory = size.memory.find(m => m >= minMemoryMiB);
    if (memory === undefined) continue;
    if (
      !best ||
      memory < best.memory ||
      (memory === best.memory && size.cpu < best.cpu)
    ) {
      best = { cpu: size.cpu, memory };
    }
  }
  return best;
}
