import { taskDefinitionArn } from './arns';
import { SimLaunchType } from './types';

type Json = Record<string, unknown>;

function containers(td: Json): Json[] {
  return Array.isArray(td.containerDefinitions)
    ? (td.containerDefinitions as Json[]).filter(
        c => c && typeof c === 'object',
      )
    : [];
}

function positiveNumber(value: unknown): number | undefined {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : undefined;
}

/** The memory a task may use, MiB: task-level `memory`, else the containers' limits summed. */
export function taskMemoryMiB(td: Json): number | undefined {
  const taskLevel = positiveNumber(td.memory);
  if (taskLevel) {
    return taskLevel;
  }
  let total = 0;
  for (const c of containers(td)) {
    total +=
      positiveNumber(c.memory) ?? positiveNumber(c.memoryReservation) ?? 0;
  }
  return total > 0 ? total : undefined;
}

/** All tmpfs capacity of a task, MiB (invalid sizes count as 0). */
export function tmpfsTotalMiB(td: Json): number {
  let total = 0;
  for (const c of containers(td)) {
    const lp = c.linuxParameters as Json | undefined;
    const mounts = Array.isArray(lp?.tmpfs) ? (lp!.tmpfs as Json[]) : [];
    for (const m of mounts) {
      const size = positiveNumber(m?.size);
      total += size && Number.isInteger(size) ? size : 0;
    }
  }
  return total;
}

export function launchTypeOf(td: Json): SimLaunchType {
  const req = Array.isArray(td.requiresCompatibilities)
    ? (td.requiresCompatibilities as string[])
    : [];
  if (req.includes('MANAGED_INSTANCES')) {
    return 'MANAGED_INSTANCES';
  }
  if (req.includes('FARGATE')) {
    return 'FARGATE';
  }
  return 'EC2';
}

/** Fields DescribeTaskDefinition adds and RegisterTaskDefinition does not accept. */
export const READ_ONLY_TASK_DEFINITION_FIELDS = [
  'taskDefinitionArn',
  'revision',
  'status',
  'requiresAttributes',
  'compatibilities',
  'registeredAt',
  'registeredBy',
  'deregisteredAt',
];

function compatibilitiesFor(td: Json): string[] {
  const req = Array.isArray(td.requiresCompatibilities)
    ? (td.requiresCompatibilities as string[])
    : [];
  if (req.includes('MANAGED_INSTANCES')) {
    return ['EC2', 'MANAGED_INSTANCES'];
  }
  const networkMode = td.networkMode ?? 'bridge';
  return networkMode === 'awsvpc' ? ['EC2', 'FARGATE'] : ['EC2'];
}

/**
 * The DescribeTaskDefinition shape of a newly registered revision: the input's fields in their
 * order, then the fields ECS adds. Read-only fields in the input are replaced, not duplicated.
 */
export function describeRegisteredRevision(
  input: Json,
  opts: {
    accountId: string;
    region: string;
    revision: number;
    registeredAt: number;
  },
): Json {
  const body: Json = {};
  for (const [key, value] of Object.entries(input)) {
    if (!READ_ONLY_TASK_DEFINITION_FIELDS.includes(key)) {
      body[key] = value;
    }
  }
  const family = String(input.family);
  return {
    taskDefinitionArn: taskDefinitionArn(
      opts.accountId,
      opts.region,
      family,
      opts.revision,
    ),
    ...body,
    revision: opts.revision,
    status: 'ACTIVE',
    requiresAttributes: [],
    compatibilities: compatibilitiesFor(input),
    registeredAt: opts.registeredAt / 1000,
    registeredBy: `arn:aws:iam::${opts.accountId}:role/ecs-aws-simulator`,
  };
}
