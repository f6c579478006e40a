/* Shared fixtures for this package's tests. */
import { parseTaskDefinition } from './model/parse';
import { lintTaskDefinition } from './rules/index';
import type { Finding, LintOptions } from './rules/types';

/** A Linux Fargate container with no findings: read-only root, a secure /tmp tmpfs. */
export function cleanContainer(
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    name: 'app',
    image: 'app:1',
    essential: true,
    readonlyRootFilesystem: true,
    linuxParameters: {
      tmpfs: [
        {
          containerPath: '/tmp',
          size: 64,
          mountOptions: ['noexec', 'nosuid', 'nodev'],
        },
      ],
    },
    ...overrides,
  };
}

/** A clean Linux Fargate task definition (256 cpu / 512 MiB). */
export function cleanTaskDefinition(
  overrides: Record<string, unknown> = {},
  containers: Record<string, unknown>[] = [cleanContainer()],
): Record<string, unknown> {
  return {
    family: 'app',
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: '256',
    memory: '512',
    runtimePlatform: {
      operatingSystemFamily: 'LINUX',
      cpuArchitecture: 'X86_64',
    },
    containerDefinitions: containers,
    ...overrides,
  };
}

/** A clean task whose one container has these tmpfs mounts. */
export function withTmpfs(
  tmpfs: unknown[],
  containerOverrides: Record<string, unknown> = {},
  taskOverrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return cleanTaskDefinition(taskOverrides, [
    cleanContainer({ linuxParameters: { tmpfs }, ...containerOverrides }),
  ]);
}

/** The findings of one rule for a raw task definition. */
export function findingsOf(
  ruleId: string,
  raw: unknown,
  options?: LintOptions,
): Finding[] {
  return lintTaskDefinition(parseTaskDefinition(raw), options).findings.filter(
    f => f.ruleId === ruleId,
  );
}
