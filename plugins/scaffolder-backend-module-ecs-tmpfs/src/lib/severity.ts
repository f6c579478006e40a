import {
  SEVERITY_ORDER,
  type Finding,
  type Severity,
} from '@internal/plugin-ecs-tmpfs-common';

export const FAIL_ON_VALUES = ['error', 'warning', 'info', 'never'] as const;
export type FailOn = (typeof FAIL_ON_VALUES)[number];

/** the findings that make a step fail at the given `failOn` level */
export function blockingFindings(
  findings: Finding[],
  failOn: FailOn | Severity,
): Finding[] {
  if (failOn === 'never') {
    return [];
  }
  return findings.filter(
    f => SEVERITY_ORDER[f.severity] >= SEVERITY_ORDER[failOn],
  );
}

/** one line per finding, for an error message or the step log */
export function describeFindings(findings: Finding[]): string {
  return findings
    .map(f => `${f.severity} ${f.ruleId} at ${f.path}: ${f.message}`)
    .join('; ');
}
