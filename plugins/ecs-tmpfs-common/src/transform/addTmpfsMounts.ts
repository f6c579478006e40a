import { isWindows } from '../model/containers';
import { cloneJson, isRecord, joinPath } from '../model/json';
import {
  isSecretPath,
  mountOptionValue,
  normaliseContainerPath,
  normaliseMountOptions,
  parseOctalMode,
  SECURE_MOUNT_OPTIONS,
  splitMountOption,
} from '../model/mounts';
import { parseTaskDefinitionDocument } from '../model/parse';
import type { ParsedTaskDefinition, TmpfsMountSpec } from '../model/types';
import { lintTaskDefinition, type LintResult } from '../rules/index';
import type { LintOptions } from '../rules/types';
import { validateMountSpecs } from './templateFindings';

/** @public */
export interface AddTmpfsMountsRequest {
  /** container names; default: every essential container (Linux tasks) */
  containers?: string[];
  mounts: TmpfsMountSpec[];
  /** add noexec,nosuid,nodev to every mount, and mode=0700 to secret-looking paths */
  applySecureDefaults?: boolean;
  /** also set readonlyRootFilesystem: true on the chosen containers */
  readonlyRootFilesystem?: boolean;
  lintOptions?: LintOptions;
}

/** @public */
export interface TaskDefinitionDiffEntry {
  op: 'add' | 'replace';
  path: string;
  before?: unknown;
  after: unknown;
}

/** @public */
export interface AddTmpfsMountsResult {
  taskDefinition: Record<string, unknown>;
  changed: boolean;
  diff: TaskDefinitionDiffEntry[];
  before: LintResult;
  after: LintResult;
}

/** The request cannot be applied (unknown container, Windows task, malformed mount …). @public */
export class TransformError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TransformError';
  }
}

const INSECURE_COUNTERPART: Record<string, string> = {
  noexec: 'exec',
  nosuid: 'suid',
  nodev: 'dev',
};
const SECRET_MODE = 'mode=0700';
const GROUP_OTHER_BITS = 0o077;

/** The options a mount gets: as asked, plus (optionally) the secure defaults replacing their opposites. */
export function secureMountOptions(spec: TmpfsMountSpec): string[] {
  let options = normaliseMountOptions(spec.mountOptions);
  for (const secure of SECURE_MOUNT_OPTIONS) {
    const insecure = INSECURE_COUNTERPART[secure];
    options = options.filter(o => o !== insecure);
    if (!options.includes(secure)) options.push(secure);
  }
  if (isSecretPath(spec.containerPath)) {
    const mode = parseOctalMode(mountOptionValue(options, 'mode'));
    if (mode === undefined || (mode & GROUP_OTHER_BITS) !== 0) {
      options = options.filter(o => splitMountOption(o).key !== 'mode');
      options.push(SECRET_MODE);
    }
  }
  return options;
}

function sameOptions(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  const sortedA = [...a].sort();
  const sortedB = [...b].sort();
  return sortedA.every((o, i) => o === sortedB[i]);
}

/** A tmpfs entry as ECS wants it; an empty option list is written as none. */
function tmpfsEntry(
  containerPath: string,
  size: number,
  options: string[],
  template?: Record<string, unknown>,
): Record<string, unknown> {
  // Edit a copy of the existing entry so its other keys keep their values and order.
  const entry: Record<string, unknown> = template ? cloneJson(template) : {};
  entry.containerPath = containerPath;
  entry.size = size;
  if (options.length) entry.mountOptions = options;
  else delete entry.mountOptions;
  return entry;
}

function parseSingle(taskDefinition: unknown): ParsedTaskDefinition {
  const parsed = parseTaskDefinitionDocument(taskDefinition);
  if (parsed.length !== 1) {
    throw new TransformError(
      `expected one task definition, got ${parsed.length}`,
    );
  }
  return parsed[0];
}

function chooseContainers(
  parsed: ParsedTaskDefinition,
  names: string[] | undefined,
): number[] {
  const containers = parsed.model.containers;
  if (names === undefined) {
    const essential = containers.filter(c => c.essential).map(c => c.index);
    if (essential.length === 0) {
      throw new TransformError(
        'the task definition has no essential container',
      );
    }
    return essential;
  }
  if (names.length === 0) {
    throw new TransformError('containers: name at least one container');
  }
  return names.map(name => {
    const found = containers.find(c => c.name === name);
    if (!found) {
      throw new TransformError(
        `containers: no container named "${name}" (containers: ${containers
          .map(c => `"${c.name}"`)
          .join(', ')})`,
      );
    }
    return found.index;
  });
}

/**
 * Adds tmpfs mounts to the chosen containers of a task definition (the definition itself or a
 * DescribeTaskDefinition response; the result is always the task definition). Idempotent: a
 * mount whose normalised path already exists is replaced only if its size or options differ.
 * Every other field keeps its value and its position.
 * @public
 */
export function addTmpfsMounts(
  taskDefinition: unknown,
  request: AddTmpfsMountsRequest,
): AddTmpfsMountsResult {
  const original = parseSingle(taskDefinition);
  if (isWindows(original.model)) {
    throw new TransformError(
      `tmpfs mounts are not supported on ${original.model.runtimePlatform?.operatingSystemFamily} tasks`,
    );
  }
  const specs = validateMountSpecs(request.mounts, 'mounts');
  if (!specs.value) {
    throw new TransformError(
      specs.errors.map(e => `${e.field}: ${e.message}`).join('; '),
    );
  }
  // Two mounts for one path would undo each other and break idempotence.
  const seen = new Map<string, number>();
  specs.value.forEach((spec, i) => {
    const key = normaliseContainerPath(spec.containerPath);
    const first = seen.get(key);
    if (first !== undefined) {
      throw new TransformError(
        `mounts[${i}].containerPath: "${spec.containerPath}" is the same path as mounts[${first}]`,
      );
    }
    seen.set(key, i);
  });
  const indexes = chooseContainers(original, request.containers);
  const lintOptions = request.lintOptions ?? {};
  const result = cloneJson(original.raw);
  const containerList = result.containerDefinitions as unknown[];
  const diff: TaskDefinitionDiffEntry[] = [];

  for (const index of indexes) {
    const container = containerList[index] as Record<string, unknown>;
    const base = joinPath('containerDefinitions', index);
    if (!isRecord(container.linuxParameters)) {
      const hadValue = container.linuxParameters !== undefined;
      const before = container.linuxParameters;
      container.linuxParameters = { tmpfs: [] };
      diff.push({
        op: hadValue ? 'replace' : 'add',
        path: `${base}.linuxParameters`,
        ...(hadValue && { before }),
        after: container.linuxParameters,
      });
    }
    const linux = container.linuxParameters as Record<string, unknown>;
    if (!Array.isArray(linux.tmpfs)) {
      const hadValue = linux.tmpfs !== undefined;
      const before = linux.tmpfs;
      linux.tmpfs = [];
      if (!diff.some(d => d.path === `${base}.linuxParameters`)) {
        diff.push({
          op: hadValue ? 'replace' : 'add',
          path: `${base}.linuxParameters.tmpfs`,
          ...(hadValue && { before }),
          after: linux.tmpfs,
        });
      }
    }
    const tmpfs = linux.tmpfs as unknown[];
    for (const spec of specs.value) {
      const options = request.applySecureDefaults
        ? secureMountOptions(spec)
        : normaliseMountOptions(spec.mountOptions);
      const key = normaliseContainerPath(spec.containerPath);
      const existingIndex = tmpfs.findIndex(
        e =>
          isRecord(e) &&
          typeof e.containerPath === 'string' &&
          normaliseContainerPath(e.containerPath) === key,
      );
      if (existingIndex < 0) {
        const entry = tmpfsEntry(spec.containerPath, spec.size, options);
        tmpfs.push(entry);
        // A freshly created list is reported whole by its own diff entry.
        if (
          !diff.some(d => `${base}.linuxParameters.tmpfs`.startsWith(d.path))
        ) {
          diff.push({
            op: 'add',
            path: `${base}.linuxParameters.tmpfs[${tmpfs.length - 1}]`,
            after: entry,
          });
        }
        continue;
      }
      const existing = tmpfs[existingIndex] as Record<string, unknown>;
      if (
        existing.size === spec.size &&
        sameOptions(normaliseMountOptions(existing.mountOptions), options)
      ) {
        continue;
      }
      const entry = tmpfsEntry(
        existing.containerPath as string,
        spec.size,
        options,
        existing,
      );
      tmpfs[existingIndex] = entry;
      diff.push({
        op: 'replace',
        path: `${base}.linuxParameters.tmpfs[${existingIndex}]`,
        before: existing,
        after: entry,
      });
    }
    if (
      request.readonlyRootFilesystem &&
      container.readonlyRootFilesystem !== true
    ) {
      const hadValue = container.readonlyRootFilesystem !== undefined;
      diff.push({
        op: hadValue ? 'replace' : 'add',
        path: `${base}.readonlyRootFilesystem`,
        ...(hadValue && { before: container.readonlyRootFilesystem }),
        after: true,
      });
      container.readonlyRootFilesystem = true;
    }
  }

  const changed = diff.length > 0;
  const taskDefinitionOut = changed ? result : cloneJson(original.raw);
  return {
    taskDefinition: taskDefinitionOut,
    changed,
    // Copies, so editing the diff never edits the returned task definition.
    diff: diff.map(entry => cloneJson(entry)),
    before: lintTaskDefinition(original, lintOptions),
    after: lintTaskDefinition(parseSingle(taskDefinitionOut), lintOptions),
  };
}
