import {
  countFindings,
  type HeadroomResult,
} from '@internal/plugin-ecs-tmpfs-common';
import type { TaskDefinitionReport } from '../lintDocuments';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function describeHeadroom(h: HeadroomResult): string {
  const limit =
    h.limitMiB === undefined
      ? 'limit unknown'
      : `limit ${h.limitMiB} MiB (${h.limitSource})`;
  const base = `${limit}, tmpfs ${h.tmpfsTotalMiB} MiB`;
  if (h.status === 'unknown') {
    return `unknown (${
      h.observedPeakMiB === undefined
        ? 'no observed peak: pass --observed-peak <MiB>'
        : 'no memory limit'
    }); ${base}`;
  }
  const pct = Math.round((h.headroomRatio ?? 0) * 1000) / 10;
  const rec = h.recommendation
    ? `; recommended ${
        h.recommendation.kind === 'fargate'
          ? `cpu ${h.recommendation.cpu} / `
          : ''
      }memory ${h.recommendation.memoryMiB} MiB`
    : '';
  return `${h.status}: ${h.headroomMiB} MiB (${pct} %) = ${base.replace(
    ', tmpfs',
    ` − peak ${h.observedPeakMiB} MiB − tmpfs`,
  )}${rec}`;
}

/** Human-friendly output grouped by task definition and container. */
export function formatText(reports: TaskDefinitionReport[]): string {
  const lines: string[] = [];
  for (const report of reports) {
    const name = report.family
      ? `${report.family}${
          report.revision !== undefined ? `:${report.revision}` : ''
        }`
      : '(unnamed task definition)';
    lines.push(
      `${report.file}${
        report.pathPrefix ? ` ${report.pathPrefix}` : ''
      }  ${name}`,
    );
    const groups = new Map<string, typeof report.findings>();
    for (const f of report.findings) {
      const key =
        f.container !== undefined ? `container "${f.container}"` : 'task';
      groups.set(key, [...(groups.get(key) ?? []), f]);
    }
    if (groups.size === 0) lines.push('  no findings');
    for (const [group, findings] of groups) {
      lines.push(`  ${group}`);
      for (const f of findings) {
        lines.push(
          `    ${f.severity.padEnd(7)} ${f.ruleId}  ${report.file}:${
            f.position.line
          }:${f.position.column}  ${f.path}`,
          `            ${f.message}`,
          `            fix: ${f.fix}`,
        );
      }
    }
    lines.push(`  headroom ${describeHeadroom(report.headroom)}`, '');
  }
  const counts = countFindings(reports.flatMap(r => r.findings));
  const files = new Set(reports.map(r => r.file)).size;
  lines.push(
    `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${
      counts.info
    } info in ${plural(reports.length, 'task definition')} (${plural(
      files,
      'file',
    )})`,
  );
  return `${lines.join('\n')}\n`;
}
