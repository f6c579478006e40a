/**
 * The parts of an ECS task definition this product reads. Field names follow the ECS API
 * (`RegisterTaskDefinition` input / `DescribeTaskDefinition` output) so a raw task definition
 * is assignable after parsing. Everything else the user wrote is kept untouched in the raw JSON
 * (see `ParsedTaskDefinition.raw`); the model never drops fields.
 */

/** One `linuxParameters.tmpfs[]` entry, exactly as written (values may be invalid). @public */
export interface TmpfsMount {
  containerPath?: unknown;
  size?: unknown;
  mountOptions?: unknown;
}

/** A normalised, valid tmpfs mount (what templates store and transforms add). @public */
export interface TmpfsMountSpec {
  containerPath: string;
  /** MiB, integer ≥ 1 */
  size: number;
  mountOptions?: string[];
}

/** @public */
export interface MountPoint {
  sourceVolume?: string;
  containerPath?: string;
  readOnly?: boolean;
}

/** @public */
export interface LinuxParameters {
  tmpfs?: TmpfsMount[];
  sharedMemorySize?: unknown;
  devices?: unknown;
  maxSwap?: unknown;
  swappiness?: unknown;
  initProcessEnabled?: boolean;
  capabilities?: unknown;
  [key: string]: unknown;
}

/**
 * Environment variables are reduced to their names, plus the values of temp-dir variables
 * (`TMPDIR`, `TMP`, `TEMP`, `JAVA_TOOL_OPTIONS`/`JAVA_OPTS` `-Djava.io.tmpdir=…` only), which
 * the `no-writable-temp-dir` rule needs. No other value is ever kept.
 * @public
 */
export interface EnvironmentSummary {
  names: string[];
  /** Directories that the container's temp-dir variables point at, e.g. `['/scratch']`. */
  tempDirs: string[];
}

/** @public */
export interface ContainerModel {
  /** index in `containerDefinitions`, for JSON paths */
  index: number;
  name: string;
  image?: string;
  essential: boolean;
  /** hard limit, MiB */
  memory?: number;
  /** soft limit, MiB */
  memoryReservation?: number;
  user?: string;
  readonlyRootFilesystem?: boolean;
  linuxParameters?: LinuxParameters;
  mountPoints: MountPoint[];
  environment: EnvironmentSummary;
  /** names of `secrets[]` entries only; `valueFrom` is never kept */
  secretNames: string[];
}

/** @public */
export type LaunchType = 'FARGATE' | 'EC2' | 'MANAGED_INSTANCES' | 'EXTERNAL';

/** @public */
export interface TaskDefinitionModel {
  family?: string;
  revision?: number;
  taskDefinitionArn?: string;
  /** task-level cpu units, parsed from the string form ECS uses */
  cpu?: number;
  /** task-level memory, MiB */
  memory?: number;
  requiresCompatibilities: LaunchType[];
  networkMode?: string;
  runtimePlatform?: {
    cpuArchitecture?: string;
    operatingSystemFamily?: string;
  };
  containers: ContainerModel[];
  tags?: { key: string; value: string }[];
}

/**
 * The outcome of parsing user JSON: the model plus the original object, so transforms can edit
 * the original in place and keep every other field and its order.
 * @public
 */
export interface ParsedTaskDefinition {
  model: TaskDefinitionModel;
  /** the task definition object itself (unwrapped from `{ taskDefinition: … }` if needed) */
  raw: Record<string, unknown>;
  /** JSON path prefix of `raw` inside the input document, e.g. `taskDefinition` or `[2]` */
  pathPrefix: string;
}
