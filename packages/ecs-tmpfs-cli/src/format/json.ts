import type { TaskDefinitionReport } from '../lintDocuments';

/** One entry per task definition: its findings (with source line/column) and headroom. */
export function formatJson(reports: TaskDefinitionReport[]): string {
  const out = reports.map(r => ({
    file: r.file,
    taskDefinition: {
      path: r.pathPrefix,
      ...(r.family !== undefined && { family: r.family }),
      ...(r.revision !== undefined && { revision: r.revision }),
    },
    findings: r.findings.map(f => ({
      ruleId: f.ruleId,
      severity: f.severity,
      path: f.path,
      ...(f.container !== undefined && { container: f.container }),
      message: f.message,
      fix: f.fix,
      line: f.position.line,
      column: f.position.column,
    })),
    headroom: r.headroom,
  }));
  return `${JSON.stringify(out, null, 2)}\n`;
}
