import { RULES, type Severity } from '@internal/plugin-ecs-tmpfs-common';
import type { TaskDefinitionReport } from '../lintDocuments';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

/**
 * A file name as a SARIF artifact location: relative names against the scan root (forward
 * slashes, percent-encoded), absolute ones as file: URIs.
 */
function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  const uri = file
    .split(/[\\/]/)
    .map(segment => encodeURIComponent(segment))
    .join('/');
  if (file.startsWith('/')) return { uri: `file://${uri}` };
  return { uri, uriBaseId: '%SRCROOT%' };
}

/** SARIF 2.1.0, so code-scanning tools show each finding on its line. */
export function formatSarif(
  reports: TaskDefinitionReport[],
  version: string,
): string {
  const ruleIndex = new Map(RULES.map((r, i) => [r.id, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'ecs-tmpfs',
            version,
            informationUri:
              'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Tmpfs.html',
            rules: RULES.map(r => ({
              id: r.id,
              name: r.id,
              shortDescription: { text: r.description },
              defaultConfiguration: { level: LEVEL[r.severity] },
              properties: { category: r.category },
            })),
          },
        },
        results: reports.flatMap(r =>
          r.findings.map(f => ({
            ruleId: f.ruleId,
            ruleIndex: ruleIndex.get(f.ruleId),
            level: LEVEL[f.severity],
            message: { text: `${f.message}. Fix: ${f.fix}` },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: artifactLocation(r.file),
                  region: {
                    startLine: f.position.line,
                    startColumn: f.position.column,
                  },
                },
                logicalLocations: [
                  { fullyQualifiedName: f.documentPath, kind: 'member' },
                ],
              },
            ],
            partialFingerprints: {
              // stable across edits elsewhere in the file: rule + JSON path + task definition
              'ecsTmpfs/v1': `${f.ruleId}|${r.family ?? ''}|${f.documentPath}`,
            },
          })),
        ),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
