import { containerTmpfsMiB, isFargate } from '../model/containers';
import type { TaskDefinitionModel } from '../model/types';
import { FARGATE_SIZES, smallestFargateSize } from './fargate';
import type {
  ContainerTmpfs,
  HeadroomResult,
  HeadroomStatus,
  MemoryLimitSource,
  SizeRecommendation,
} from './types';

/** @public */
export const HEADROOM_FORMULA =
  'headroom = memory limit − observed peak − tmpfs capacity';

/** Default headroom threshold: 10 % of the memory limit. */
export const DEFAULT_HEADROOM_THRESHOLD = 0.1;

/** EC2 recommendations are rounded up to this many MiB. */
const EC2_MEMORY_STEP_MIB = 64;

function memoryLimit(td: TaskDefinitionModel): {
  limitMiB?: number;
  limitSource: MemoryLimitSource;
} {
  if (td.memory !== undefined && td.memory > 0) {
    return { limitMiB: td.memory, limitSource: 'task-memory' };
  }
  const containers = td.containers;
  if (containers.length === 0) return { limitSource: 'unknown' };
  if (containers.every(c => c.memory !== undefined)) {
    return {
      limitMiB: containers.reduce((sum, c) => sum + (c.memory ?? 0), 0),
      limitSource: 'container-hard-limits',
    };
  }
  // Without a hard limit a container may grow past its reservation: the sum is only a guide.
  if (
    containers.every(
      c => c.memory !== undefined || c.memoryReservation !== undefined,
    )
  ) {
    return {
      limitMiB: containers.reduce(
        (sum, c) => sum + (c.memory ?? c.memoryReservation ?? 0),
        0,
      ),
      limitSource: 'container-soft-limits',
    };
  }
  return { limitSource: 'unknown' };
}

function percent(ratio: number): string {
  return `${Math.round(ratio * 1000) / 10} %`;
}

function recommend(
  td: TaskDefinitionModel,
  neededMiB: number,
  limitMiB: number | undefined,
  thresholdRatio: number,
): SizeRecommendation | undefined {
  const keeping = `keeping ${percent(
    thresholdRatio,
  )} headroom over peak + tmpfs`;
  if (isFargate(td)) {
    // No CPU metrics here: never recommend less cpu than the task has today.
    const currentCpu = FARGATE_SIZES.some(s => s.cpu === td.cpu) ? td.cpu : 0;
    const size = smallestFargateSize(neededMiB, currentCpu);
    if (!size) return undefined;
    return {
      kind: 'fargate',
      cpu: size.cpu,
      memoryMiB: size.memory,
      reason: `smallest valid Fargate size ${keeping}${
        currentCpu ? ` (cpu kept at ≥ ${currentCpu} units)` : ''
      }`,
      downsize: limitMiB !== undefined && size.memory < limitMiB,
    };
  }
  const memoryMiB =
    Math.ceil(neededMiB / EC2_MEMORY_STEP_MIB) * EC2_MEMORY_STEP_MIB;
  return {
    kind: 'ec2',
    memoryMiB,
    reason: `smallest memory in ${EC2_MEMORY_STEP_MIB} MiB steps ${keeping}`,
    downsize: limitMiB !== undefined && memoryMiB < limitMiB,
  };
}

/**
 * Conservative worst case: every tmpfs may fill on top of the observed peak. Without an observed
 * peak or a memory limit the status is `unknown`, never `ok` or 0.
 * @public
 */
export function computeHeadroom(
  td: TaskDefinitionModel,
  opts: { observedPeakMiB?: number; headroomThreshold?: number } = {},
): HeadroomResult {
  const thresholdRatio = opts.headroomThreshold ?? DEFAULT_HEADROOM_THRESHOLD;
  if (!(thresholdRatio >= 0 && thresholdRatio < 1)) {
    throw new RangeError(
      `headroomThreshold must be a fraction ≥ 0 and < 1, got ${thresholdRatio}`,
    );
  }
  const { limitMiB, limitSource } = memoryLimit(td);
  const perContainer: ContainerTmpfs[] = td.containers.map(c => ({
    container: c.name,
    tmpfsMiB: containerTmpfsMiB(c),
    ...(c.memory !== undefined && { memoryMiB: c.memory }),
  }));
  const tmpfsTotalMiB = perContainer.reduce((sum, c) => sum + c.tmpfsMiB, 0);
  const observedPeakMiB = opts.observedPeakMiB;
  const result: HeadroomResult = {
    formula: HEADROOM_FORMULA,
    limitMiB,
    limitSource,
    tmpfsTotalMiB,
    perContainer,
    observedPeakMiB,
    thresholdRatio,
    status: 'unknown',
  };
  if (observedPeakMiB === undefined) return result;

  const neededMiB = Math.ceil(
    (observedPeakMiB + tmpfsTotalMiB) / (1 - thresholdRatio),
  );
  result.recommendation = recommend(td, neededMiB, limitMiB, thresholdRatio);
  if (limitMiB === undefined) return result;

  // Peaks derived from CloudWatch percentages carry float noise (1961.3000000000002); a tenth
  // of a MiB is far below what the figure can tell, so the result is rounded to it.
  const headroomMiB =
    Math.round((limitMiB - observedPeakMiB - tmpfsTotalMiB) * 10) / 10;
  const headroomRatio = headroomMiB / limitMiB;
  let status: HeadroomStatus = 'ok';
  if (headroomMiB <= 0) status = 'exhausted';
  else if (headroomRatio < thresholdRatio) status = 'low';
  return { ...result, headroomMiB, headroomRatio, status };
}
