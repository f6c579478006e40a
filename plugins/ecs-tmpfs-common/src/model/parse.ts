import { summariseEnvironment } from './environment';
import { describeValue, isRecord, joinPath } from './json';
import type {
  ContainerModel,
  LaunchType,
  LinuxParameters,
  MountPoint,
  ParsedTaskDefinition,
  TaskDefinitionModel,
} from './types';

/** The input is not a task definition at all. The message is one line naming the problem. */
export class TaskDefinitionParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TaskDefinitionParseError';
  }
}

const LAUNCH_TYPES: readonly LaunchType[] = [
  'FARGATE',
  'EC2',
  'MANAGED_INSTANCES',
  'EXTERNAL',
];

/**
 * Task `cpu` as ECS accepts it: `1024`, `"1024"`, `"1 vCPU"`, `"0.25 vcpu"`.
 * Returns undefined when the value is missing or unreadable (rules report it).
 */
export function parseCpuUnits(value: unknown): number | undefined {
  if (typeof value === 'number')
    return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const vcpu = /^(\d+(?:\.\d+)?)\s*vcpus?$/i.exec(text);
  return vcpu ? Math.round(Number(vcpu[1]) * 1024) : undefined;
}

/** Task or container `memory` as ECS accepts it: `2048`, `"2048"`, `"2 GB"`, `"2GB"` → MiB. */
export function parseMemoryMiB(value: unknown): number | undefined {
  if (typeof value === 'number')
    return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const gb = /^(\d+(?:\.\d+)?)\s*gb$/i.exec(text);
  return gb ? Math.round(Number(gb[1]) * 1024) : undefined;
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function optionalNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\d+$/.test(value.trim())) {
    return Number(value.trim());
  }
  return undefined;
}

function parseMountPoints(value: unknown): MountPoint[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map(mp => ({
    sourceVolume: optionalString(mp.sourceVolume),
    containerPath: optionalString(mp.containerPath),
    readOnly: mp.readOnly === true,
  }));
}

function parseContainer(
  raw: unknown,
  index: number,
  path: string,
): ContainerModel {
  if (!isRecord(raw)) {
    throw new TaskDefinitionParseError(
      `${joinPath(
        path,
        index,
      )} is not a container definition object (got ${describeValue(raw)})`,
    );
  }
  const secretNames = Array.isArray(raw.secrets)
    ? raw.secrets
        .filter(isRecord)
        .map(s => s.name)
        .filter((n): n is string => typeof n === 'string')
    : [];
  return {
    index,
    name: typeof raw.name === 'string' ? raw.name : `#${index}`,
    image: optionalString(raw.image),
    // ECS treats a container without `essential` as essential.
    essential: raw.essential !== false,
    memory: optionalNumber(raw.memory),
    memoryReservation: optionalNumber(raw.memoryReservation),
    user: optionalString(raw.user),
    readonlyRootFilesystem:
      typeof raw.readonlyRootFilesystem === 'boolean'
        ? raw.readonlyRootFilesystem
        : undefined,
    linuxParameters: isRecord(raw.linuxParameters)
      ? (raw.linuxParameters as LinuxParameters)
      : undefined,
    mountPoints: parseMountPoints(raw.mountPoints),
    environment: summariseEnvironment(raw.environment),
    secretNames,
  };
}

function parseModel(
  raw: Record<string, unknown>,
  pathPrefix: string,
  tags: unknown,
): TaskDefinitionModel {
  const containers = (raw.containerDefinitions as unknown[]).map((c, i) =>
    parseContainer(c, i, joinPath(pathPrefix, 'containerDefinitions')),
  );
  const requiresCompatibilities = Array.isArray(raw.requiresCompatibilities)
    ? raw.requiresCompatibilities.filter((c): c is LaunchType =>
        LAUNCH_TYPES.includes(c as LaunchType),
      )
    : [];
  const runtimePlatform = isRecord(raw.runtimePlatform)
    ? {
        cpuArchitecture: optionalString(raw.runtimePlatform.cpuArchitecture),
        operatingSystemFamily: optionalString(
          raw.runtimePlatform.operatingSystemFamily,
        ),
      }
    : undefined;
  const model: TaskDefinitionModel = {
    family: optionalString(raw.family),
    revision: optionalNumber(raw.revision),
    taskDefinitionArn: optionalString(raw.taskDefinitionArn),
    cpu: parseCpuUnits(raw.cpu),
    memory: parseMemoryMiB(raw.memory),
    requiresCompatibilities,
    networkMode: optionalString(raw.networkMode),
    runtimePlatform,
    containers,
  };
  if (Array.isArray(tags)) {
    model.tags = tags
      .filter(isRecord)
      .filter(t => typeof t.key === 'string')
      .map(t => ({ key: t.key as string, value: String(t.value ?? '') }));
  }
  return model;
}

function parseWithTags(
  raw: unknown,
  pathPrefix: string,
  tags: unknown,
): ParsedTaskDefinition {
  const where = pathPrefix ? `${pathPrefix}: ` : '';
  if (!isRecord(raw)) {
    throw new TaskDefinitionParseError(
      `${where}expected a task definition object, got ${describeValue(raw)}`,
    );
  }
  if (!Array.isArray(raw.containerDefinitions)) {
    throw new TaskDefinitionParseError(
      `${where}not a task definition: "containerDefinitions" must be an array (got ${describeValue(
        raw.containerDefinitions,
      )})`,
    );
  }
  return { model: parseModel(raw, pathPrefix, tags), raw, pathPrefix };
}

/**
 * Parses one task definition (the RegisterTaskDefinition input or DescribeTaskDefinition's
 * `taskDefinition`). `raw` of the result is the very object passed in: callers that edit must
 * copy it first.
 */
export function parseTaskDefinition(
  raw: unknown,
  pathPrefix: string = '',
): ParsedTaskDefinition {
  return parseWithTags(raw, pathPrefix, isRecord(raw) ? raw.tags : undefined);
}

function parseEntry(entry: unknown, path: string): ParsedTaskDefinition {
  // A DescribeTaskDefinition response: tags sit next to the task definition.
  if (isRecord(entry) && isRecord(entry.taskDefinition)) {
    return parseWithTags(
      entry.taskDefinition,
      joinPath(path, 'taskDefinition'),
      entry.tags ?? entry.taskDefinition.tags,
    );
  }
  return parseTaskDefinition(entry, path);
}

/**
 * One task definition, an array of them, a DescribeTaskDefinition response
 * (`{ taskDefinition, tags }`) or `{ taskDefinitions: [...] }` → parsed entries, each with the
 * JSON path of its task definition inside `doc`.
 */
export function parseTaskDefinitionDocument(
  doc: unknown,
): ParsedTaskDefinition[] {
  if (Array.isArray(doc)) {
    if (doc.length === 0) {
      throw new TaskDefinitionParseError(
        'not a task definition: the document is an empty array',
      );
    }
    return doc.map((entry, i) => parseEntry(entry, `[${i}]`));
  }
  if (isRecord(doc) && Array.isArray(doc.taskDefinitions)) {
    return doc.taskDefinitions.map((entry, i) =>
      parseEntry(entry, `taskDefinitions[${i}]`),
    );
  }
  return [parseEntry(doc, '')];
}
