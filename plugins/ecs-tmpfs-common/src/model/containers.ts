import { isRecord, joinPath } from './json';
import {
  isValidTmpfsSize,
  normaliseContainerPath,
  normaliseMountOptions,
  splitMountOption,
} from './mounts';
import type { ContainerModel, TaskDefinitionModel, TmpfsMount } from './types';

/** One `linuxParameters.tmpfs[]` entry with what rules ask of it. */
export interface TmpfsEntry {
  index: number;
  /** JSON path of the entry, e.g. `containerDefinitions[0].linuxParameters.tmpfs[1]` */
  path: string;
  mount: TmpfsMount;
  /** the normalised containerPath, when it is a non-empty string */
  containerPath?: string;
  /** normalised mountOptions */
  options: string[];
  /** the size when it is valid */
  sizeMiB?: number;
}

export function containerJsonPath(container: ContainerModel): string {
  return joinPath('containerDefinitions', container.index);
}

export function tmpfsJsonPath(container: ContainerModel): string {
  return `${containerJsonPath(container)}.linuxParameters.tmpfs`;
}

// Every rule walks the same mounts: during one lint run they are computed once per container.
// A plain Map dropped after the run, not a WeakMap: WeakMap entries live until a full GC and
// pushed a 10,000-definition lint to twice its memory.
let entriesCache: Map<ContainerModel, TmpfsEntry[]> | undefined;
let optionsCache: Map<TmpfsEntry, MountOptionEntry[]> | undefined;

/** Runs `fn` (synchronous) with the mount caches on, and drops them afterwards. */
export function withMountCache<T>(fn: () => T): T {
  if (entriesCache) return fn();
  entriesCache = new Map();
  optionsCache = new Map();
  try {
    return fn();
  } finally {
    entriesCache = undefined;
    optionsCache = undefined;
  }
}

export function tmpfsEntries(container: ContainerModel): TmpfsEntry[] {
  let entries = entriesCache?.get(container);
  if (!entries) {
    entries = computeTmpfsEntries(container);
    entriesCache?.set(container, entries);
  }
  return entries;
}

function computeTmpfsEntries(container: ContainerModel): TmpfsEntry[] {
  const tmpfs = container.linuxParameters?.tmpfs;
  if (!Array.isArray(tmpfs)) return [];
  const base = tmpfsJsonPath(container);
  return tmpfs.map((entry, index) => {
    const mount: TmpfsMount = isRecord(entry) ? entry : {};
    const path = joinPath(base, index);
    return {
      index,
      path,
      mount,
      containerPath:
        typeof mount.containerPath === 'string' && mount.containerPath !== ''
          ? normaliseContainerPath(mount.containerPath)
          : undefined,
      options: normaliseMountOptions(mount.mountOptions),
      sizeMiB: isValidTmpfsSize(mount.size) ? mount.size : undefined,
    };
  });
}

/** Sum of the valid tmpfs sizes of one container, MiB. */
export function containerTmpfsMiB(container: ContainerModel): number {
  return tmpfsEntries(container).reduce((sum, e) => sum + (e.sizeMiB ?? 0), 0);
}

export function isWindows(td: TaskDefinitionModel): boolean {
  return (
    td.runtimePlatform?.operatingSystemFamily
      ?.toUpperCase()
      .startsWith('WINDOWS') ?? false
  );
}

export function isFargate(td: TaskDefinitionModel): boolean {
  return td.requiresCompatibilities.includes('FARGATE');
}

/** One string entry of a tmpfs `mountOptions`, with its index in the array as written. */
export interface MountOptionEntry {
  index: number;
  path: string;
  option: string;
  key: string;
  value?: string;
}

export function mountOptionEntries(entry: TmpfsEntry): MountOptionEntry[] {
  let entries = optionsCache?.get(entry);
  if (!entries) {
    entries = computeMountOptionEntries(entry);
    optionsCache?.set(entry, entries);
  }
  return entries;
}

function computeMountOptionEntries(entry: TmpfsEntry): MountOptionEntry[] {
  const options = entry.mount.mountOptions;
  if (!Array.isArray(options)) return [];
  const result: MountOptionEntry[] = [];
  options.forEach((raw, index) => {
    if (typeof raw !== 'string' || raw.trim() === '') return;
    const option = raw.trim();
    result.push({
      index,
      path: `${entry.path}.mountOptions[${index}]`,
      option,
      ...splitMountOption(option),
    });
  });
  return result;
}
