import { isRecord } from './json';
import type { EnvironmentSummary } from './types';

/** Variables whose value is a temp directory; the only values the product ever keeps. */
export const TEMP_DIR_VARIABLES: readonly string[] = ['TMPDIR', 'TMP', 'TEMP'];
/** JVM option variables; only their `-Djava.io.tmpdir=…` part is kept. */
export const JAVA_OPTION_VARIABLES: readonly string[] = [
  'JAVA_TOOL_OPTIONS',
  'JAVA_OPTS',
];

const JAVA_TMPDIR = /-Djava\.io\.tmpdir=("([^"]*)"|'([^']*)'|(\S+))/g;

/** The temp directories one environment variable points at (empty for any other variable). */
export function tempDirsOf(name: string, value: unknown): string[] {
  if (typeof value !== 'string') return [];
  if (TEMP_DIR_VARIABLES.includes(name)) {
    const dir = value.trim();
    return dir ? [dir] : [];
  }
  if (JAVA_OPTION_VARIABLES.includes(name)) {
    const dirs: string[] = [];
    for (const match of value.matchAll(JAVA_TMPDIR)) {
      const dir = match[2] ?? match[3] ?? match[4];
      if (dir) dirs.push(dir);
    }
    return dirs;
  }
  return [];
}

/**
 * Whether an environment entry's value may be kept: temp-dir variables keep theirs (reduced to
 * the temp dir for JVM options), every other value is dropped.
 */
export function redactedEnvironmentValue(
  name: string,
  value: unknown,
): string | undefined {
  if (TEMP_DIR_VARIABLES.includes(name)) {
    return typeof value === 'string' ? value : undefined;
  }
  if (JAVA_OPTION_VARIABLES.includes(name)) {
    const dirs = tempDirsOf(name, value);
    return dirs.length
      ? dirs.map(d => `-Djava.io.tmpdir=${d}`).join(' ')
      : undefined;
  }
  return undefined;
}

/** Names plus temp dirs of a container's `environment` array, in order, without duplicates. */
export function summariseEnvironment(environment: unknown): EnvironmentSummary {
  const names: string[] = [];
  const tempDirs: string[] = [];
  if (!Array.isArray(environment)) return { names, tempDirs };
  for (const entry of environment) {
    if (!isRecord(entry) || typeof entry.name !== 'string') continue;
    if (!names.includes(entry.name)) names.push(entry.name);
    for (const dir of tempDirsOf(entry.name, entry.value)) {
      if (!tempDirs.includes(dir)) tempDirs.push(dir);
    }
  }
  return { names, tempDirs };
}
