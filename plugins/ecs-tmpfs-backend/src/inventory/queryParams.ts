import { InputError } from '@backstage/errors';
import type { FleetSortField } from '@internal/plugin-ecs-tmpfs-common';
import { z } from 'zod';
import type { FleetFilter } from './store/InventoryStore';

const FLEET_SORT_FIELDS: [FleetSortField, ...FleetSortField[]] = [
  'serviceName',
  'owner',
  'headroomMiB',
  'headroomRatio',
  'tmpfsTotalMiB',
  'status',
  'findings',
];

/** Repeated parameters (`?status=low&status=exhausted`) and comma lists both work. */
const list = <T extends z.ZodTypeAny>(item: T) =>
  z.preprocess(v => {
    if (v === undefined) return undefined;
    const values = (Array.isArray(v) ? v : [v]).flatMap(x =>
      String(x)
        .split(',')
        .map(s => s.trim())
        .filter(Boolean),
    );
    return values;
  }, z.array(item).optional());

const single = <T extends z.ZodTypeAny>(inner: T) =>
  z.preprocess(v => (Array.isArray(v) ? v[v.length - 1] : v), inner);

export const MAX_FLEET_PAGE = 500;
/** Far beyond any fleet; keeps OFFSET inside what both databases accept. */
export const MAX_FLEET_OFFSET = 1_000_000_000;

// PostgreSQL refuses NUL in text and no owner ref or name contains control characters.
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;
const printable = (inner: z.ZodString) =>
  inner.refine(v => !CONTROL_CHARACTERS.test(v), {
    message: 'must not contain control characters',
  });

const fleetQuerySchema = z
  .object({
    owner: list(printable(z.string().min(1).max(200))),
    status: list(z.enum(['ok', 'low', 'exhausted', 'unknown'])),
    accountId: list(
      z.string().regex(/^\d{12}$/, 'must be a 12-digit account id'),
    ),
    region: list(
      z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'must be an AWS Region'),
    ),
    search: single(printable(z.string().max(200)).optional()),
    sort: single(z.enum(FLEET_SORT_FIELDS).optional()),
    order: single(z.enum(['asc', 'desc']).optional()),
    includeGone: single(
      z
        .enum(['true', 'false'])
        .optional()
        .transform(v => v === 'true'),
    ),
    offset: single(
      z.coerce.number().int().min(0).max(MAX_FLEET_OFFSET).default(0),
    ),
    limit: single(
      z.coerce.number().int().min(1).max(MAX_FLEET_PAGE).default(50),
    ),
  })
  .strict();

/** Turns zod's first issue into a 400 that names the parameter and the value sent. */
export function parseOrThrow<T extends z.ZodTypeAny>(
  schema: T,
  input: unknown,
  what: string,
): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue.path.join('.') || what;
  let value: unknown = input;
  for (const key of issue.path) {
    value = (value as Record<string | number, unknown> | undefined)?.[key];
  }
  const shown =
    issue.code === 'unrecognized_keys'
      ? issue.keys.join(', ')
      : JSON.stringify(value);
  throw new InputError(
    issue.code === 'unrecognized_keys'
      ? `Unknown ${what} ${shown}`
      : `Invalid ${what} '${field}' = ${shown}: ${issue.message}`,
  );
}

export function parseFleetQuery(query: unknown): {
  filter: FleetFilter;
  offset: number;
  limit: number;
} {
  const { offset, limit, ...filter } = parseOrThrow(
    fleetQuerySchema,
    query,
    'query parameter',
  );
  return { filter, offset, limit };
}

export const triggerBodySchema = z
  .object({
    accountId: z
      .string()
      .regex(/^\d{12}$/, 'must be a 12-digit account id')
      .optional(),
    region: z
      .string()
      .regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'must be an AWS Region')
      .optional(),
  })
  .strict();
