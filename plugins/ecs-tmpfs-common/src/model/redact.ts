import { redactedEnvironmentValue } from './environment';
import { cloneJson, isRecord } from './json';

/** Fields DescribeTaskDefinition returns that RegisterTaskDefinition rejects. */
export const DESCRIBE_ONLY_FIELDS: readonly string[] = [
  'taskDefinitionArn',
  'revision',
  'status',
  'requiresAttributes',
  'compatibilities',
  'registeredAt',
  'registeredBy',
  'deregisteredAt',
];

function redactEnvironment(environment: unknown): unknown {
  if (!Array.isArray(environment)) return undefined;
  return environment.map(entry => {
    if (!isRecord(entry)) return {};
    const { value, ...rest } = entry;
    const kept =
      typeof entry.name === 'string'
        ? redactedEnvironmentValue(entry.name, value)
        : undefined;
    return kept === undefined ? rest : { ...rest, value: kept };
  });
}

/** Drops one field from every object of an array, keeping the entries and their other keys. */
function dropFromEach(list: unknown, field: string): unknown {
  if (!Array.isArray(list)) return undefined;
  return list.map(entry => {
    if (!isRecord(entry)) return {};
    const { [field]: _dropped, ...rest } = entry;
    return rest;
  });
}

function setIfDefined(
  target: Record<string, unknown>,
  key: string,
  value: unknown,
) {
  if (value !== undefined) target[key] = value;
}

function redactContainer(container: unknown): unknown {
  if (!isRecord(container)) return container;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(container)) {
    switch (key) {
      case 'repositoryCredentials':
        break;
      // Shapes other than the ECS lists (e.g. a Compose-style map) are dropped whole: they
      // could hold values under any key.
      case 'environment':
        setIfDefined(copy, key, redactEnvironment(value));
        break;
      case 'secrets':
        setIfDefined(copy, key, dropFromEach(value, 'valueFrom'));
        break;
      case 'environmentFiles':
        setIfDefined(copy, key, dropFromEach(value, 'value'));
        break;
      case 'logConfiguration':
        copy[key] = isRecord(value)
          ? {
              ...cloneJson(value),
              ...(value.secretOptions !== undefined && {
                secretOptions:
                  dropFromEach(value.secretOptions, 'valueFrom') ?? [],
              }),
            }
          : cloneJson(value);
        break;
      default:
        copy[key] = cloneJson(value);
    }
  }
  return copy;
}

/**
 * A deep copy without environment values (except temp-dir variables, see EnvironmentSummary),
 * secrets' and log secret options' `valueFrom`, `repositoryCredentials` and environment files'
 * locations: safe to store and serve. Key order is kept.
 */
export function redactTaskDefinition(
  raw: Record<string, unknown>,
): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    copy[key] =
      key === 'containerDefinitions' && Array.isArray(value)
        ? value.map(redactContainer)
        : cloneJson(value);
  }
  return copy;
}

/**
 * Drops what DescribeTaskDefinition returns but RegisterTaskDefinition rejects; everything else
 * keeps its value and order.
 */
export function toRegisterInput(
  raw: Record<string, unknown>,
): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!DESCRIBE_ONLY_FIELDS.includes(key)) copy[key] = cloneJson(value);
  }
  return copy;
}
