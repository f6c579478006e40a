import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import payments from '../__fixtures__/payments-java-fargate.json';
import windows from '../__fixtures__/windows-iis-fargate.json';
import {
  parseTaskDefinition,
  parseTaskDefinitionDocument,
} from '../model/parse';
import { cleanContainer, cleanTaskDefinition } from '../testUtils';
import {
  countFindings,
  lintTaskDefinition,
  RULES,
  worstSeverity,
} from './index';

const CATALOGUE_IDS = [
  'tmpfs-path-not-absolute',
  'tmpfs-path-duplicate',
  'tmpfs-path-reserved',
  'tmpfs-size-invalid',
  'tmpfs-size-suspicious',
  'tmpfs-option-unknown',
  'tmpfs-option-needs-value',
  'tmpfs-option-bad-value',
  'tmpfs-option-conflict',
  'tmpfs-unsupported-os',
  'readonly-root-unsupported-os',
  'fargate-linux-parameter-unsupported',
  'fargate-size-invalid',
  'tmpfs-exceeds-container-memory',
  'tmpfs-exceeds-task-memory',
  'field-misplaced',
  'readonly-root-disabled',
  'no-writable-temp-dir',
  'tmpfs-exec-allowed',
  'secret-mount-insecure',
  'tmpfs-not-writable-by-user',
  'headroom-exhausted',
  'headroom-low',
  'memory-oversized',
  'metrics-missing',
];

describe('RULES', () => {
  it('holds every catalogue rule once', () => {
    expect(RULES.map(r => r.id).sort()).toEqual([...CATALOGUE_IDS].sort());
  });

  it('has one test file next to every rule file', () => {
    for (const category of ['validity', 'security', 'memory']) {
      const dir = join(__dirname, category);
      const files = readdirSync(dir);
      const rules = files.filter(
        f =>
          f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'limitPath.ts',
      );
      for (const rule of rules) {
        const tested =
          files.includes(rule.replace(/\.ts$/, '.test.ts')) ||
          files.includes('memoryRules.test.ts');
        expect(`${category}/${rule} tested: ${tested}`).toBe(
          `${category}/${rule} tested: true`,
        );
      }
    }
  });
});

describe('lintTaskDefinition', () => {
  it('finds nothing in a clean task definition', () => {
    expect(
      lintTaskDefinition(parseTaskDefinition(cleanTaskDefinition())).findings,
    ).toEqual([]);
  });

  it('sorts errors first, then by path with numeric indexes', () => {
    const containers = Array.from({ length: 11 }, (_, i) =>
      cleanContainer({
        name: `c${i}`,
        readonlyRootFilesystem: false,
        linuxParameters: {},
      }),
    );
    containers[10].linuxParameters = {
      tmpfs: [{ containerPath: 'rel', size: 8 }],
    };
    const { findings } = lintTaskDefinition(
      parseTaskDefinition(cleanTaskDefinition({}, containers)),
    );
    expect(findings[0].ruleId).toBe('tmpfs-path-not-absolute');
    const warnings = findings
      .filter(f => f.ruleId === 'readonly-root-disabled')
      .map(f => f.container);
    expect(warnings).toEqual([
      'c0',
      'c1',
      'c2',
      'c3',
      'c4',
      'c5',
      'c6',
      'c7',
      'c8',
      'c9',
      'c10',
    ]);
    expect(worstSeverity(findings)).toBe('error');
    expect(countFindings(findings)).toEqual({ error: 1, warning: 11, info: 0 });
    expect(worstSeverity([])).toBeUndefined();
  });

  it('runs the memory rules only when metrics are available', () => {
    const parsed = parseTaskDefinition(cleanTaskDefinition());
    expect(
      lintTaskDefinition(parsed, { observedPeakMiB: 500 }).findings,
    ).toEqual([]);
    expect(
      lintTaskDefinition(parsed, {
        observedPeakMiB: 500,
        metricsAvailable: true,
      }).findings.map(f => f.ruleId),
    ).toEqual(['headroom-exhausted']);
  });

  it('lints the payments sample: the datadog sidecar is writable, /secrets is secure', () => {
    const [parsed] = parseTaskDefinitionDocument(payments);
    const { findings, headroom } = lintTaskDefinition(parsed);
    expect(findings.map(f => `${f.ruleId} ${f.container}`)).toEqual([
      'readonly-root-disabled datadog-agent',
    ]);
    expect(headroom).toMatchObject({
      limitMiB: 4096,
      tmpfsTotalMiB: 560,
      status: 'unknown',
    });
  });

  it('lints the Windows sample without tmpfs or read-only findings', () => {
    const [parsed] = parseTaskDefinitionDocument(windows);
    expect(lintTaskDefinition(parsed).findings).toEqual([]);
  });
});
