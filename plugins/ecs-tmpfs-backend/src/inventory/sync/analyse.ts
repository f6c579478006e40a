import {
  countFindings,
  lintTaskDefinition,
  parseTaskDefinition,
  worstSeverity,
  type Finding,
  type FindingCounts,
  type HeadroomResult,
  type HeadroomStatus,
  type ParsedTaskDefinition,
  type TaskDefinitionModel,
} from '@internal/plugin-ecs-tmpfs-common';

/** What the fleet sorts and filters on, stored next to the full analysis. */
export interface ServiceAnalysis {
  findings: Finding[];
  headroom: HeadroomResult;
  counts: FindingCounts;
  worstRuleId?: string;
}

/** Worst first, so an ascending sort on the rank lists the services needing attention first. */
export const STATUS_RANK: Record<HeadroomStatus, number> = {
  exhausted: 0,
  low: 1,
  unknown: 2,
  ok: 3,
};

/** One number that sorts services by their findings: any error outweighs any warnings. */
export function findingsScore(counts: FindingCounts): number {
  return counts.error * 1_000_000 + counts.warning * 1_000 + counts.info;
}

export function parseStoredTaskDefinition(
  body: Record<string, unknown>,
): ParsedTaskDefinition {
  return parseTaskDefinition(body);
}

/**
 * What `AWS/ECS MemoryUtilization` divides by: container reservations where set (else their
 * hard limits) when every container has one, else the task's memory.
 */
export function utilizationBaseMiB(
  model: TaskDefinitionModel,
): number | undefined {
  const perContainer = model.containers.map(
    c => c.memoryReservation ?? c.memory,
  );
  if (perContainer.length > 0 && perContainer.every(v => v !== undefined)) {
    return perContainer.reduce((a, b) => a! + b!, 0);
  }
  return model.memory;
}

export function analyseService(
  parsed: ParsedTaskDefinition,
  observedPeakMiB: number | undefined,
  headroomThreshold: number,
): ServiceAnalysis {
  const { findings, headroom } = lintTaskDefinition(parsed, {
    headroomThreshold,
    observedPeakMiB,
    metricsAvailable: true,
  });
  const worst = worstSeverity(findings);
  return {
    findings,
    headroom,
    counts: countFindings(findings),
    worstRuleId: worst
      ? findings.find(f => f.severity === worst)?.ruleId
      : undefined,
  };
}
