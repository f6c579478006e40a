import {
  computeHeadroom,
  DEFAULT_HEADROOM_THRESHOLD,
} from '../headroom/headroom';
import type { HeadroomResult } from '../headroom/types';
import type { FindingCounts } from '../api/types';
import { withMountCache } from '../model/containers';
import type { ParsedTaskDefinition } from '../model/types';
import { headroomExhausted } from './memory/headroomExhausted';
import { headroomLow } from './memory/headroomLow';
import { memoryOversized } from './memory/memoryOversized';
import { metricsMissing } from './memory/metricsMissing';
import { noWritableTempDir } from './security/noWritableTempDir';
import { readonlyRootDisabled } from './security/readonlyRootDisabled';
import { secretMountInsecure } from './security/secretMountInsecure';
import { tmpfsExecAllowed } from './security/tmpfsExecAllowed';
import { tmpfsNotWritableByUser } from './security/tmpfsNotWritableByUser';
import {
  SEVERITY_ORDER,
  type Finding,
  type LintOptions,
  type Rule,
  type RuleContext,
  type Severity,
} from './types';
import { fargateLinuxParameterUnsupported } from './validity/fargateLinuxParameterUnsupported';
import { fargateSizeInvalid } from './validity/fargateSizeInvalid';
import { fieldMisplaced } from './validity/fieldMisplaced';
import { readonlyRootUnsupportedOs } from './validity/readonlyRootUnsupportedOs';
import { tmpfsExceedsContainerMemory } from './validity/tmpfsExceedsContainerMemory';
import { tmpfsExceedsTaskMemory } from './validity/tmpfsExceedsTaskMemory';
import { tmpfsOptionBadValue } from './validity/tmpfsOptionBadValue';
import { tmpfsOptionConflict } from './validity/tmpfsOptionConflict';
import { tmpfsOptionNeedsValue } from './validity/tmpfsOptionNeedsValue';
import { tmpfsOptionUnknown } from './validity/tmpfsOptionUnknown';
import { tmpfsPathDuplicate } from './validity/tmpfsPathDuplicate';
import { tmpfsPathNotAbsolute } from './validity/tmpfsPathNotAbsolute';
import { tmpfsPathReserved } from './validity/tmpfsPathReserved';
import { tmpfsSizeInvalid } from './validity/tmpfsSizeInvalid';
import { tmpfsSizeSuspicious } from './validity/tmpfsSizeSuspicious';
import { tmpfsUnsupportedOs } from './validity/tmpfsUnsupportedOs';

/** Every rule of the catalogue; adding a rule = one file plus one line here. @public */
export const RULES: Rule[] = [
  tmpfsPathNotAbsolute,
  tmpfsPathDuplicate,
  tmpfsPathReserved,
  tmpfsSizeInvalid,
  tmpfsSizeSuspicious,
  tmpfsOptionUnknown,
  tmpfsOptionNeedsValue,
  tmpfsOptionBadValue,
  tmpfsOptionConflict,
  tmpfsUnsupportedOs,
  readonlyRootUnsupportedOs,
  fargateLinuxParameterUnsupported,
  fargateSizeInvalid,
  tmpfsExceedsContainerMemory,
  tmpfsExceedsTaskMemory,
  fieldMisplaced,
  readonlyRootDisabled,
  noWritableTempDir,
  tmpfsExecAllowed,
  secretMountInsecure,
  tmpfsNotWritableByUser,
  headroomExhausted,
  headroomLow,
  memoryOversized,
  metricsMissing,
];

/** @public */
export interface LintResult {
  findings: Finding[];
  headroom: HeadroomResult;
}

/** Splits `a.b[10].c` into comparable parts so `[2]` sorts before `[10]`. */
function pathParts(path: string): (string | number)[] {
  const parts: (string | number)[] = [];
  let start = 0;
  for (let i = 0; i <= path.length; i++) {
    const ch = path[i];
    if (i === path.length || ch === '.' || ch === '[' || ch === ']') {
      if (i > start) {
        const part = path.slice(start, i);
        const n = Number(part);
        parts.push(ch === ']' && Number.isInteger(n) ? n : part);
      }
      start = i + 1;
    }
  }
  return parts;
}

export function compareJsonPaths(a: string, b: string): number {
  return compareParts(pathParts(a), pathParts(b));
}

function compareParts(
  pa: (string | number)[],
  pb: (string | number)[],
): number {
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return pa.length - pb.length;
}

/** Errors first, then by path, then by rule id. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity] ||
    compareJsonPaths(a.path, b.path) ||
    a.ruleId.localeCompare(b.ruleId)
  );
}

/** Sorts with each path split once, not once per comparison. */
function sortFindings(findings: Finding[]): Finding[] {
  if (findings.length < 2) return findings;
  const keyed = findings.map(f => ({ f, parts: pathParts(f.path) }));
  keyed.sort(
    (a, b) =>
      SEVERITY_ORDER[b.f.severity] - SEVERITY_ORDER[a.f.severity] ||
      compareParts(a.parts, b.parts) ||
      a.f.ruleId.localeCompare(b.f.ruleId),
  );
  return keyed.map(k => k.f);
}

/**
 * Runs every rule; the memory rules only when metrics were fetched (`metricsAvailable`).
 * Findings are sorted by severity (error first) then path.
 * @public
 */
export function lintTaskDefinition(
  td: ParsedTaskDefinition,
  options: LintOptions = {},
): LintResult {
  const resolved = {
    ...options,
    headroomThreshold: options.headroomThreshold ?? DEFAULT_HEADROOM_THRESHOLD,
  };
  return withMountCache(() => {
    const headroom = computeHeadroom(td.model, {
      observedPeakMiB: options.observedPeakMiB,
      headroomThreshold: resolved.headroomThreshold,
    });
    const ctx: RuleContext = {
      td: td.model,
      parsed: td,
      options: resolved,
      headroom,
    };
    const findings: Finding[] = [];
    for (const rule of RULES) {
      if (rule.category === 'memory' && !options.metricsAvailable) continue;
      for (const f of rule.check(ctx)) {
        findings.push({ ruleId: rule.id, severity: rule.severity, ...f });
      }
    }
    return { findings: sortFindings(findings), headroom };
  });
}

/** @public */
export function worstSeverity(findings: Finding[]): Severity | undefined {
  let worst: Severity | undefined;
  for (const f of findings) {
    if (!worst || SEVERITY_ORDER[f.severity] > SEVERITY_ORDER[worst]) {
      worst = f.severity;
    }
  }
  return worst;
}

/** @public */
export function countFindings(findings: Finding[]): FindingCounts {
  const counts: FindingCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
