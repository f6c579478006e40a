import type { TaskDefinitionModel } from '../../model/types';
import { formatMiB } from './format';

/** Where the memory limit is written: task `memory`, else the first container's limit. */
export function memoryLimitPath(td: TaskDefinitionModel): string {
  if (td.memory !== undefined || td.containers.length === 0) return 'memory';
  const c = td.containers[0];
  return `containerDefinitions[${c.index}].${
    c.memory !== undefined ? 'memory' : 'memoryReservation'
  }`;
}

export function describeRecommendation(
  rec: { kind: string; cpu?: number; memoryMiB: number } | undefined,
): string {
  if (!rec) return 'no valid size is large enough';
  return rec.kind === 'fargate'
    ? `cpu ${rec.cpu} / memory ${formatMiB(rec.memoryMiB)}`
    : `memory ${formatMiB(rec.memoryMiB)}`;
}
