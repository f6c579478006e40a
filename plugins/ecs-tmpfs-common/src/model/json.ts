/** Small helpers for JSON values of unknown shape. */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A deep copy of a JSON value that keeps every object's key order. */
export function cloneJson<T>(value: T): T {
  if (Array.isArray(value)) return value.map(v => cloneJson(v)) as T;
  if (isRecord(value)) {
    const copy: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) copy[key] = cloneJson(v);
    return copy as T;
  }
  return value;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Appends a key or index to a JSON path in the findings' notation:
 * `containerDefinitions[0].linuxParameters`; odd keys become `["a b"]`.
 */
export function joinPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  if (!IDENTIFIER.test(key)) return `${base}[${JSON.stringify(key)}]`;
  return base ? `${base}.${key}` : key;
}

/** Joins a document prefix (`taskDefinition`, `[2]`) and a path inside the task definition. */
export function prefixPath(prefix: string, path: string): string {
  if (!prefix) return path;
  if (!path) return prefix;
  return path.startsWith('[') ? `${prefix}${path}` : `${prefix}.${path}`;
}

/** Short, one-line rendering of a user value for messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
