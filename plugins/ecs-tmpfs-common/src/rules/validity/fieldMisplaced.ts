import { isRecord, joinPath } from '../../model/json';
import type { RuleFinding } from '../helpers';
import type { Rule } from '../types';

/** Container-definition fields people put inside linuxParameters. */
const CONTAINER_FIELDS = [
  'readonlyRootFilesystem',
  'user',
  'memory',
  'memoryReservation',
  'mountPoints',
  'privileged',
  'environment',
  'ulimits',
];
/** linuxParameters fields people put on the container itself. */
const LINUX_PARAMETER_FIELDS = [
  'tmpfs',
  'sharedMemorySize',
  'initProcessEnabled',
  'capabilities',
  'devices',
  'maxSwap',
  'swappiness',
];
/** Task-level fields people put on a container. */
const TASK_FIELDS = [
  'requiresCompatibilities',
  'runtimePlatform',
  'networkMode',
  'family',
  'executionRoleArn',
  'taskRoleArn',
];
/** Container fields people put on the task. */
const TASK_LEVEL_CONTAINER_FIELDS = [
  'readonlyRootFilesystem',
  'linuxParameters',
  'tmpfs',
  'mountPoints',
  'user',
  'image',
];

function misplaced(
  object: Record<string, unknown>,
  base: string,
  fields: string[],
  where: string,
  belongs: string,
  container?: string,
): RuleFinding[] {
  return fields
    .filter(field => object[field] !== undefined)
    .map(field => ({
      path: joinPath(base, field),
      ...(container !== undefined && { container }),
      message: `"${field}" sits in ${where}, where ECS rejects it`,
      fix: `Move "${field}" to ${belongs}.`,
    }));
}

export const fieldMisplaced: Rule = {
  id: 'field-misplaced',
  severity: 'error',
  category: 'validity',
  description:
    'A known field sits at the wrong level, e.g. readonlyRootFilesystem inside linuxParameters.',
  check: ({ td, parsed }) => {
    const findings = misplaced(
      parsed.raw,
      '',
      TASK_LEVEL_CONTAINER_FIELDS,
      'the task definition',
      'each entry of containerDefinitions',
    );
    const raws = parsed.raw.containerDefinitions as unknown[];
    for (const c of td.containers) {
      const raw = raws[c.index];
      if (!isRecord(raw)) continue;
      const base = joinPath('containerDefinitions', c.index);
      const name = `container "${c.name}"`;
      findings.push(
        ...misplaced(
          raw,
          base,
          LINUX_PARAMETER_FIELDS,
          name,
          `${base}.linuxParameters`,
          c.name,
        ),
        ...misplaced(
          raw,
          base,
          TASK_FIELDS,
          name,
          'the task definition (top level)',
          c.name,
        ),
      );
      if (isRecord(raw.linuxParameters)) {
        findings.push(
          ...misplaced(
            raw.linuxParameters,
            `${base}.linuxParameters`,
            CONTAINER_FIELDS,
            `linuxParameters of ${name}`,
            base,
            c.name,
          ),
        );
      }
    }
    return findings;
  },
};
