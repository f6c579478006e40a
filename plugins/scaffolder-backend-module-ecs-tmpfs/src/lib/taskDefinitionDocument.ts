import { InputError } from '@backstage/errors';
import {
  parseTaskDefinitionDocument,
  TaskDefinitionParseError,
  type ParsedTaskDefinition,
} from '@internal/plugin-ecs-tmpfs-common';

/** An ECS resource tag as ECS writes it in task definitions and describe responses. */
export interface EcsTag {
  key: string;
  value: string;
}

/**
 * One task definition inside a user's JSON document (a bare task definition, a
 * DescribeTaskDefinition response, a one-element array …), with the means to put an edited
 * copy back in the same place so the rest of the document stays as it was.
 */
export interface TaskDefinitionDocument {
  parsed: ParsedTaskDefinition;
  /** tags of a DescribeTaskDefinition response, else the task definition's own `tags` */
  tags: EcsTag[];
  /** the whole document with the task definition replaced; key order kept */
  replace(taskDefinition: Record<string, unknown>): unknown;
}

/** `source` names where the document came from, for the error message */
export function readTaskDefinitionDocument(
  doc: unknown,
  source: string,
): TaskDefinitionDocument {
  let entries: ParsedTaskDefinition[];
  try {
    entries = parseTaskDefinitionDocument(doc);
  } catch (error) {
    if (error instanceof TaskDefinitionParseError) {
      throw new InputError(
        `${source} is not an ECS task definition: ${error.message}`,
      );
    }
    throw error;
  }
  if (entries.length !== 1) {
    throw new InputError(
      `${source} holds ${entries.length} task definitions; this action edits exactly one`,
    );
  }
  const parsed = entries[0];
  return {
    parsed,
    tags: parsed.model.tags ?? [],
    replace: taskDefinition =>
      setAtPath(doc, pathTokens(parsed.pathPrefix), taskDefinition),
  };
}

/** `taskDefinitions[0]` → ['taskDefinitions', 0]; '' → [] */
function pathTokens(path: string): (string | number)[] {
  const tokens: (string | number)[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    tokens.push(match[2] !== undefined ? Number(match[2]) : match[1]);
  }
  return tokens;
}

function setAtPath(
  node: unknown,
  tokens: (string | number)[],
  value: unknown,
): unknown {
  if (tokens.length === 0) {
    return value;
  }
  const [head, ...rest] = tokens;
  if (Array.isArray(node) && typeof head === 'number') {
    return node.map((item, i) =>
      i === head ? setAtPath(item, rest, value) : item,
    );
  }
  if (isObject(node) && typeof head === 'string') {
    // Spreading keeps the position of the replaced key.
    return { ...node, [head]: setAtPath(node[head], rest, value) };
  }
  throw new Error(`Cannot place the task definition back at ${head}`);
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
