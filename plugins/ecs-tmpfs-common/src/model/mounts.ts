/**
 * Mount paths and mount options as ECS and Docker understand them. Every rule and the transform
 * compare mounts through these helpers, so `/data` and `/data/` (or `[]` and no options) are
 * the same thing everywhere.
 */

/** Options Docker applies to every tmpfs before the user's own; stated explicitly by secure defaults. */
export const SECURE_MOUNT_OPTIONS: string[] = ['noexec', 'nosuid', 'nodev'];

/** The `mountOptions` ECS accepts (ContainerDefinition.linuxParameters.tmpfs[].mountOptions). */
export const ECS_TMPFS_MOUNT_OPTIONS: readonly string[] = [
  'defaults',
  'ro',
  'rw',
  'suid',
  'nosuid',
  'dev',
  'nodev',
  'exec',
  'noexec',
  'sync',
  'async',
  'dirsync',
  'remount',
  'mand',
  'nomand',
  'atime',
  'noatime',
  'diratime',
  'nodiratime',
  'bind',
  'rbind',
  'unbindable',
  'runbindable',
  'private',
  'rprivate',
  'shared',
  'rshared',
  'slave',
  'rslave',
  'relatime',
  'norelatime',
  'strictatime',
  'nostrictatime',
  'mode',
  'uid',
  'gid',
  'nr_inodes',
  'nr_blocks',
  'mpol',
];

/** Options that Docker only accepts as `key=value`. */
export const VALUE_MOUNT_OPTIONS: readonly string[] = [
  'mode',
  'uid',
  'gid',
  'nr_inodes',
  'nr_blocks',
  'mpol',
];

/** Mount propagation modes: at most one may be given. */
export const PROPAGATION_MOUNT_OPTIONS: readonly string[] = [
  'private',
  'rprivate',
  'shared',
  'rshared',
  'slave',
  'rslave',
  'unbindable',
  'runbindable',
];

/** Pairs where the second undoes the first; Docker lets the later one win. */
export const CONFLICTING_MOUNT_OPTIONS: readonly (readonly [string, string])[] =
  [
    ['ro', 'rw'],
    ['exec', 'noexec'],
    ['suid', 'nosuid'],
    ['dev', 'nodev'],
    ['sync', 'async'],
    ['mand', 'nomand'],
    ['atime', 'noatime'],
    ['diratime', 'nodiratime'],
    ['relatime', 'norelatime'],
    ['strictatime', 'nostrictatime'],
  ];

const NEEDS_NORMALISING = /\/\/|\/\.|^\.|\/$/;

/**
 * Resolves `.`/`..`, repeated and trailing slashes: `/data/` → `/data`, `//a/./b/..` → `/a`.
 * Relative paths stay relative (rules report them), but are cleaned the same way.
 */
export function normaliseContainerPath(path: string): string {
  // Most paths are already clean; skip the split for them.
  if (path.length > 1 && !NEEDS_NORMALISING.test(path)) return path;
  const absolute = path.startsWith('/');
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
      else if (!absolute) parts.push(part);
      continue;
    }
    parts.push(part);
  }
  const joined = parts.join('/');
  return absolute ? `/${joined}` : joined;
}

/** undefined, null and `[]` all mean "no options"; entries are trimmed, empty ones dropped. */
export function normaliseMountOptions(opts: unknown): string[] {
  if (!Array.isArray(opts)) return [];
  return opts
    .filter((o): o is string => typeof o === 'string')
    .map(o => o.trim())
    .filter(o => o.length > 0);
}

/** `mode=0700` → `{ key: 'mode', value: '0700' }`; `noexec` → `{ key: 'noexec' }`. */
export function splitMountOption(option: string): {
  key: string;
  value?: string;
} {
  const eq = option.indexOf('=');
  if (eq < 0) return { key: option };
  return { key: option.slice(0, eq), value: option.slice(eq + 1) };
}

/** The value of the last `key=value` option with this key, as Docker would apply it. */
export function mountOptionValue(
  options: string[],
  key: string,
): string | undefined {
  let found: string | undefined;
  for (const option of options) {
    const split = splitMountOption(option);
    if (split.key === key && split.value !== undefined) found = split.value;
  }
  return found;
}

/**
 * Whether a flag is in effect after Docker applies its defaults (`noexec,nosuid,nodev`) and then
 * the options in order, the later winning. `flag` is one side of a conflicting pair.
 */
export function effectiveMountFlag(
  options: string[],
  flag: string,
  opposite: string,
  defaultOn: boolean,
): boolean {
  let on = defaultOn;
  for (const option of options) {
    if (option === flag) on = true;
    else if (option === opposite) on = false;
  }
  return on;
}

/** A tmpfs is writable unless its options end up `ro`. */
export function isWritableMount(options: string[]): boolean {
  return !effectiveMountFlag(options, 'ro', 'rw', false);
}

/** Parses an octal `mode=` value (3–4 octal digits); undefined when malformed. */
export function parseOctalMode(value: string | undefined): number | undefined {
  if (value === undefined || !/^[0-7]{3,4}$/.test(value)) return undefined;
  return parseInt(value, 8);
}

const SECRET_SUBSTRINGS = ['secret', 'credential', 'token', '.aws', '.ssh'];

/** Paths where short-lived secrets usually live: `/run/secrets`, `~/.aws`, `/var/app-token` … */
export function isSecretPath(path: string): boolean {
  const segments = normaliseContainerPath(path).toLowerCase().split('/');
  return segments.some(segment =>
    SECRET_SUBSTRINGS.some(s => segment.includes(s)),
  );
}

/** Whether `path` is `ancestor` or lies below it (both normalised first). */
export function isPathWithin(path: string, ancestor: string): boolean {
  const p = normaliseContainerPath(path);
  const a = normaliseContainerPath(ancestor);
  if (a === '/') return p.startsWith('/');
  return p === a || p.startsWith(`${a}/`);
}

/** ECS wants `size` as an integer number of MiB, at least 1. */
export function isValidTmpfsSize(size: unknown): size is number {
  return typeof size === 'number' && Number.isInteger(size) && size >= 1;
}
