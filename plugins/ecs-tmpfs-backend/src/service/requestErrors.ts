import {
  CustomErrorBase,
  InputError,
  isError,
  serializeError,
} from '@backstage/errors';
import type { ErrorRequestHandler, Request } from 'express';
import { TemplateRejectedError } from '../templates/validateTemplate';

/** A request body that is not JSON. */
export class UnsupportedMediaTypeError extends CustomErrorBase {
  name = 'UnsupportedMediaTypeError' as const;
  readonly statusCode = 415;
}

/** A request body over the router's limit. */
export class PayloadTooLargeError extends CustomErrorBase {
  name = 'PayloadTooLargeError' as const;
  readonly statusCode = 413;
}

type JsonSchema = {
  $ref?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
};

interface OpenApiDoc {
  paths: Record<string, Record<string, any>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

// One failure as express-openapi-validator words it: `request/body/mounts/0/size must be integer`.
const VALIDATOR_FAILURE = /(?:^|, )request\/(body|query|params|headers)(\S*) /g;

/**
 * Errors the plugin's router turns into clear 4xx answers before Backstage's error handler
 * serialises them: body-parser failures, OpenAPI validation failures (rewritten to name the
 * field and the value sent), and refused templates (which carry their findings).
 */
export function requestErrorHandler(
  spec: OpenApiDoc,
  bodyLimitKb: number,
): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (!isError(error)) {
      next(error);
      return;
    }
    const bodyParserType = (error as { type?: string }).type;
    if (bodyParserType === 'entity.too.large') {
      next(
        new PayloadTooLargeError(
          `Request body is larger than the limit of ${bodyLimitKb} kB`,
        ),
      );
      return;
    }
    if (bodyParserType === 'entity.parse.failed') {
      next(new InputError(`Request body is not valid JSON: ${error.message}`));
      return;
    }
    if (error instanceof TemplateRejectedError) {
      const { findings, ...serialized } = serializeError(error) as Record<
        string,
        unknown
      >;
      res.status(400).json({
        error: serialized,
        request: { method: req.method, url: req.url },
        response: { statusCode: 400 },
        findings: error.findings,
      });
      return;
    }
    const mediaType = /^unsupported media type (.*)$/.exec(error.message);
    if (error.name === 'InputError' && mediaType) {
      next(
        new UnsupportedMediaTypeError(
          `Content-Type: must be application/json, got ${mediaType[1]}`,
        ),
      );
      return;
    }
    if (error.name === 'InputError' && error.message.startsWith('request/')) {
      next(new InputError(describeValidationFailure(spec, req, error.message)));
      return;
    }
    next(error);
  };
}

/** Rewrites the validator's message so every failure names its field and the value sent. */
export function describeValidationFailure(
  spec: OpenApiDoc,
  req: Request,
  message: string,
): string {
  const starts = [...message.matchAll(VALIDATOR_FAILURE)];
  if (starts.length === 0) {
    return message;
  }
  return starts
    .map((m, i) => {
      const end = i + 1 < starts.length ? starts[i + 1].index! : message.length;
      const text = message.slice(m.index! + m[0].length, end);
      const location = m[1] as 'body' | 'query' | 'params' | 'headers';
      const pointer = m[2].split('/').filter(Boolean).map(unescapePointer);
      return describeOne(spec, req, location, pointer, text);
    })
    .join('; ');
}

function describeOne(
  spec: OpenApiDoc,
  req: Request,
  location: 'body' | 'query' | 'params' | 'headers',
  pointer: string[],
  text: string,
): string {
  const container = {
    body: req.body,
    query: req.query,
    // the router-level error handler runs outside the route, so req.params is empty here
    params: pathParams(spec, req),
    headers: req.headers,
  }[location];
  const field = fieldName(location, pointer);
  const value = valueAt(container, pointer);

  const missing = /^must have required property '(.+)'$/.exec(text);
  if (missing) {
    return `${fieldName(location, [...pointer, missing[1]])}: is required`;
  }
  if (text === 'must NOT have additional properties' && location === 'body') {
    const allowed = allowedKeys(spec, req, pointer);
    const unknown =
      allowed && value && typeof value === 'object'
        ? Object.keys(value).filter(k => !allowed.includes(k))
        : [];
    if (unknown.length > 0) {
      return unknown
        .map(
          k =>
            `${fieldName(location, [
              ...pointer,
              k,
            ])}: unknown field (allowed: ${allowed!.join(', ')})`,
        )
        .join('; ');
    }
  }
  return `${field}: ${text}, got ${describeValue(value)}`;
}

function fieldName(location: string, pointer: string[]): string {
  if (location === 'query') {
    return `query parameter '${pointer.join('.')}'`;
  }
  if (location === 'params') {
    return `path parameter '${pointer.join('.')}'`;
  }
  if (location === 'headers') {
    return `header '${pointer.join('.')}'`;
  }
  if (pointer.length === 0) {
    return 'request body';
  }
  return pointer
    .map((p, i) => {
      if (/^\d+$/.test(p)) {
        return `[${p}]`;
      }
      return i === 0 ? p : `.${p}`;
    })
    .join('');
}

function valueAt(root: unknown, pointer: string[]): unknown {
  let node = root;
  for (const p of pointer) {
    if (node === null || typeof node !== 'object') {
      return undefined;
    }
    node = (node as Record<string, unknown>)[p];
  }
  return node;
}

function describeValue(value: unknown): string {
  if (value === undefined) {
    return 'nothing';
  }
  if (Array.isArray(value)) {
    return `an array of ${value.length}`;
  }
  if (value !== null && typeof value === 'object') {
    return 'an object';
  }
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function unescapePointer(segment: string) {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The property names the spec allows at `pointer` inside the request body, if known. */
function allowedKeys(
  spec: OpenApiDoc,
  req: Request,
  pointer: string[],
): string[] | undefined {
  const operation = findOperation(spec, req);
  let schema = resolve(
    spec,
    operation?.requestBody?.content?.['application/json']?.schema,
  );
  for (const p of pointer) {
    if (!schema) {
      return undefined;
    }
    schema = resolve(
      spec,
      /^\d+$/.test(p) && schema.items ? schema.items : schema.properties?.[p],
    );
  }
  return schema?.properties ? Object.keys(schema.properties) : undefined;
}

function matchPath(spec: OpenApiDoc, req: Request) {
  for (const [path, item] of Object.entries(spec.paths)) {
    const names = [...path.matchAll(/\{([^}]+)\}/g)].map(m => m[1]);
    const pattern = new RegExp(`^${path.replace(/\{[^}]+\}/g, '([^/]+)')}$`);
    const match = pattern.exec(req.path);
    if (match) {
      const params: Record<string, string> = {};
      names.forEach((name, i) => {
        params[name] = safeDecode(match[i + 1]);
      });
      return { item, params };
    }
  }
  return undefined;
}

function safeDecode(segment: string) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function findOperation(spec: OpenApiDoc, req: Request) {
  return matchPath(spec, req)?.item[req.method.toLowerCase()];
}

function pathParams(spec: OpenApiDoc, req: Request): Record<string, string> {
  return matchPath(spec, req)?.params ?? {};
}

function resolve(
  spec: OpenApiDoc,
  schema: JsonSchema | undefined,
): JsonSchema | undefined {
  let current = schema;
  for (let depth = 0; current?.$ref && depth < 10; depth++) {
    const name = current.$ref.replace('#/components/schemas/', '');
    current = spec.components?.schemas?.[name];
  }
  return current;
}
