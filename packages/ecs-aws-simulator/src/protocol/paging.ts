import { AwsError } from './errors';

/** Opaque page tokens (like AWS's), carrying the offset and what they page over. */
export function encodeToken(scope: string, offset: number): string {
  return Buffer.from(JSON.stringify({ s: scope, o: offset })).toString(
    'base64',
  );
}

export function decodeToken(
  token: unknown,
  scope: string,
  invalid: (message: string) => AwsError,
): number {
  if (token === undefined || token === null || token === '') {
    return 0;
  }
  try {
    const parsed = JSON.parse(
      Buffer.from(String(token), 'base64').toString('utf8'),
    );
    if (parsed.s === scope && Number.isInteger(parsed.o) && parsed.o >= 0) {
      return parsed.o;
    }
  } catch {
    // fall through: any undecodable token is invalid
  }
  throw invalid(`Invalid nextToken: ${String(token).slice(0, 40)}`);
}

/** maxResults within [1, max], or the default when absent. */
export function pageSize(
  value: unknown,
  opts: { defaultSize: number; max: number; field: string },
  invalid: (message: string) => AwsError,
): number {
  if (value === undefined || value === null) {
    return opts.defaultSize;
  }
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < 1 ||
    value > opts.max
  ) {
    throw invalid(
      `${opts.field} must be an integer between 1 and ${
        opts.max
      }, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

export function page<T>(
  items: T[],
  offset: number,
  size: number,
  scope: string,
): { items: T[]; nextToken?: string } {
  const slice = items.slice(offset, offset + size);
  const next = offset + size;
  return {
    items: slice,
    nextToken: next < items.length ? encodeToken(scope, next) : undefined,
  };
}
