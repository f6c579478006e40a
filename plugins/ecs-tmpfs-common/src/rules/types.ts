import type { HeadroomResult } from '../headroom/types';
import type { ParsedTaskDefinition, TaskDefinitionModel } from '../model/types';

/** @public */
export type Severity = 'error' | 'warning' | 'info';

/** @public */
export const SEVERITY_ORDER: Record<Severity, number> = {
  info: 0,
  warning: 1,
  error: 2,
};

/** @public */
export interface Finding {
  /** stable id from the rule catalogue, e.g. `tmpfs-path-duplicate` */
  ruleId: string;
  severity: Severity;
  /**
   * JSON path inside the task definition,
   * e.g. `containerDefinitions[0].linuxParameters.tmpfs[1].mountOptions[2]`
   */
  path: string;
  /** container name, when the finding belongs to one container */
  container?: string;
  /** one line naming the offending value */
  message: string;
  /** a concrete fix */
  fix: string;
}

/** Settings that rules read; all optional with the catalogue's defaults. @public */
export interface LintOptions {
  /** headroom threshold as a fraction of the memory limit; default 0.1 */
  headroomThreshold?: number;
  /** observed memory peak in MiB over the metrics window; undefined = no metrics */
  observedPeakMiB?: number;
  /** whether memory metrics were fetched at all (false skips the memory rules entirely) */
  metricsAvailable?: boolean;
}

/** What a rule sees. @public */
export interface RuleContext {
  td: TaskDefinitionModel;
  parsed: ParsedTaskDefinition;
  options: Required<Pick<LintOptions, 'headroomThreshold'>> & LintOptions;
  headroom: HeadroomResult;
}

/** One rule: metadata plus a pure check. @public */
export interface Rule {
  id: string;
  severity: Severity;
  category: 'validity' | 'security' | 'memory';
  /** one-line description for docs, SARIF and the UI */
  description: string;
  check(ctx: RuleContext): Omit<Finding, 'ruleId' | 'severity'>[];
}
