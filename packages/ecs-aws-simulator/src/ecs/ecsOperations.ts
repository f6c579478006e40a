import { isValidFargateSize } from '@internal/plugin-ecs-tmpfs-common';
import {
  clusterArn,
  nameFromArnOrName,
  parseEcsArn,
  serviceArn,
  taskDefinitionArn,
} from '../fleet/arns';
import {
  READ_ONLY_TASK_DEFINITION_FIELDS,
  describeRegisteredRevision,
} from '../fleet/taskDefinitions';
import { SimCluster, SimService, SimTag } from '../fleet/types';
import { FleetIndex } from '../fleetIndex';
import { AwsError, ecsErrors } from '../protocol/errors';
import { decodeToken, page, pageSize } from '../protocol/paging';

type Json = Record<string, any>;

export interface EcsContext {
  index: FleetIndex;
  accountId: string;
  region: string;
  now: () => Date;
}

const seconds = (ms: number) => ms / 1000;

function findCluster(ctx: EcsContext, value: unknown): SimCluster {
  const ref =
    value === undefined || value === null || value === ''
      ? 'default'
      : String(value);
  const parsed = parseEcsArn(ref);
  if (
    parsed &&
    (parsed.accountId !== ctx.accountId || parsed.region !== ctx.region)
  ) {
    throw ecsErrors.clusterNotFound();
  }
  const cluster = ctx.index.cluster(
    clusterArn(ctx.accountId, ctx.region, nameFromArnOrName(ref)),
  );
  if (!cluster) {
    throw ecsErrors.clusterNotFound();
  }
  return cluster;
}

function stringList(value: unknown, field: string): string[] {
  if (value === undefined || value === null) {
    return [];
  }
  if (!Array.isArray(value) || value.some(v => typeof v !== 'string')) {
    throw ecsErrors.invalidParameter(`${field} must be a list of strings`);
  }
  return value;
}

function includesTags(input: Json): boolean {
  return stringList(input.include, 'include').includes('TAGS');
}

function listClusters(ctx: EcsContext, input: Json) {
  const size = pageSize(
    input.maxResults,
    { defaultSize: 100, max: 100, field: 'maxResults' },
    ecsErrors.invalidParameter,
  );
  const scope = `clusters:${ctx.accountId}:${ctx.region}`;
  const offset = decodeToken(
    input.nextToken,
    scope,
    ecsErrors.invalidParameter,
  );
  const arns = ctx.index
    .clustersIn(ctx.accountId, ctx.region)
    .map(c => c.clusterArn);
  const result = page(arns, offset, size, scope);
  return { clusterArns: result.items, nextToken: result.nextToken };
}

function describeClusters(ctx: EcsContext, input: Json) {
  const refs = stringList(input.clusters, 'clusters');
  if (refs.length > 100) {
    throw ecsErrors.invalidParameter(
      `clusters can have at most 100 items, got ${refs.length}`,
    );
  }
  const withTags = includesTags(input);
  const clusters: Json[] = [];
  const failures: Json[] = [];
  for (const ref of refs.length ? refs : ['default']) {
    let cluster: SimCluster;
    try {
      cluster = findCluster(ctx, ref);
    } catch {
      failures.push({
        arn: parseEcsArn(ref)
          ? ref
          : clusterArn(ctx.accountId, ctx.region, ref),
        reason: 'MISSING',
      });
      continue;
    }
    const running = cluster.services.reduce(
      (sum, s) => sum + s.runningCount,
      0,
    );
    clusters.push({
      clusterArn: cluster.clusterArn,
      clusterName: cluster.clusterName,
      status: 'ACTIVE',
      registeredContainerInstancesCount: 0,
      runningTasksCount: running,
      pendingTasksCount: 0,
      activeServicesCount: cluster.services.length,
      statistics: [],
      settings: [
        {
          name: 'containerInsights',
          value: cluster.containerInsights ? 'enabled' : 'disabled',
        },
      ],
      capacityProviders: ['FARGATE', 'FARGATE_SPOT'],
      defaultCapacityProviderStrategy: [],
      ...(withTags ? { tags: cluster.tags } : {}),
    });
  }
  return { clusters, failures };
}

function listServices(ctx: EcsContext, input: Json) {
  const cluster = findCluster(ctx, input.cluster);
  const size = pageSize(
    input.maxResults,
    { defaultSize: 10, max: 100, field: 'maxResults' },
    ecsErrors.invalidParameter,
  );
  const scope = `services:${cluster.clusterArn}:${input.launchType ?? ''}`;
  const offset = decodeToken(
    input.nextToken,
    scope,
    ecsErrors.invalidParameter,
  );
  const services = input.launchType
    ? cluster.services.filter(s => s.launchType === input.launchType)
    : cluster.services;
  const result = page(
    services.map(s => s.serviceArn),
    offset,
    size,
    scope,
  );
  return { serviceArns: result.items, nextToken: result.nextToken };
}

function describeService(service: SimService, withTags: boolean): Json {
  const createdAt = seconds(service.createdAt);
  const placement =
    service.launchType === 'MANAGED_INSTANCES'
      ? {
          capacityProviderStrategy: [
            {
              capacityProvider: `${service.clusterName}-managed-instances`,
              weight: 1,
              base: 0,
            },
          ],
        }
      : { launchType: service.launchType };
  const fargate =
    service.launchType === 'FARGATE'
      ? { platformVersion: 'LATEST', platformFamily: 'Linux' }
      : {};
  return {
    serviceArn: service.serviceArn,
    serviceName: service.serviceName,
    clusterArn: service.clusterArn,
    loadBalancers: [],
    serviceRegistries: [],
    status: 'ACTIVE',
    desiredCount: service.desiredCount,
    runningCount: service.runningCount,
    pendingCount: 0,
    ...placement,
    ...fargate,
    taskDefinition: service.taskDefinition,
    deploymentConfiguration: {
      deploymentCircuitBreaker: { enable: true, rollback: true },
      maximumPercent: 200,
      minimumHealthyPercent: 100,
    },
    deployments: [
      {
        id: `ecs-svc/${Math.abs(
          hashCode(service.serviceArn + service.taskDefinition),
        )}`,
        status: 'PRIMARY',
        taskDefinition: service.taskDefinition,
        desiredCount: service.desiredCount,
        pendingCount: 0,
        runningCount: service.runningCount,
        failedTasks: 0,
        createdAt,
        updatedAt: createdAt,
        ...placement,
        ...fargate,
        rolloutState: 'COMPLETED',
        rolloutStateReason: 'ECS deployment completed.',
      },
    ],
    events: [],
    createdAt,
    placementConstraints: [],
    placementStrategy: [],
    schedulingStrategy: 'REPLICA',
    createdBy: `arn:aws:iam::${service.accountId}:role/deployer`,
    enableECSManagedTags: true,
    propagateTags: 'SERVICE',
    enableExecuteCommand: false,
    ...(withTags ? { tags: service.tags } : {}),
  };
}

function hashCode(value: string) {
  let h = 0;
  for (let i = 0; i < value.length; i++) {
    h = (Math.imul(31, h) + value.charCodeAt(i)) | 0;
  }
  return h;
}

function describeServices(ctx: EcsContext, input: Json) {
  const refs = stringList(input.services, 'services');
  if (refs.length === 0) {
    throw ecsErrors.invalidParameter('services can not be empty.');
  }
  if (refs.length > 10) {
    throw ecsErrors.invalidParameter(
      `services can have at most 10 items, got ${refs.length}.`,
    );
  }
  const cluster = findCluster(ctx, input.cluster);
  const withTags = includesTags(input);
  const services: Json[] = [];
  const failures: Json[] = [];
  for (const ref of refs) {
    const arn = parseEcsArn(ref)
      ? ref
      : serviceArn(ctx.accountId, ctx.region, cluster.clusterName, ref);
    const found = ctx.index.service(arn);
    if (!found || found.cluster !== cluster) {
      failures.push({ arn, reason: 'MISSING' });
    } else {
      services.push(describeService(found.service, withTags));
    }
  }
  return { services, failures };
}

function resolveTaskDefinitionArn(ctx: EcsContext, ref: unknown): string {
  if (typeof ref !== 'string' || ref === '') {
    throw ecsErrors.client('taskDefinition can not be blank.');
  }
  const parsed = parseEcsArn(ref);
  if (parsed) {
    if (parsed.accountId !== ctx.accountId || parsed.region !== ctx.region) {
      throw ecsErrors.client('Unable to describe task definition.');
    }
    return ref;
  }
  const match = /^([A-Za-z0-9_-]+)(?::(\d+))?$/.exec(ref);
  if (!match) {
    throw ecsErrors.client(`Invalid taskDefinition: ${ref}`);
  }
  const revision = match[2]
    ? Number(match[2])
    : ctx.index.latestRevision(ctx.accountId, ctx.region, match[1]);
  return taskDefinitionArn(ctx.accountId, ctx.region, match[1], revision);
}

function describeTaskDefinition(ctx: EcsContext, input: Json) {
  const arn = resolveTaskDefinitionArn(ctx, input.taskDefinition);
  const stored = ctx.index.fleet.taskDefinitions[arn];
  if (!stored) {
    throw ecsErrors.client('Unable to describe task definition.');
  }
  return {
    taskDefinition: stored.taskDefinition,
    ...(includesTags(input) ? { tags: stored.tags } : {}),
  };
}

function listTaskDefinitions(ctx: EcsContext, input: Json) {
  const size = pageSize(
    input.maxResults,
    { defaultSize: 100, max: 100, field: 'maxResults' },
    ecsErrors.invalidParameter,
  );
  const status = input.status ?? 'ACTIVE';
  const prefix =
    typeof input.familyPrefix === 'string' ? input.familyPrefix : '';
  const descending = input.sort === 'DESC';
  const scope = `taskdefs:${ctx.accountId}:${ctx.region}:${prefix}:${status}:${descending}`;
  const offset = decodeToken(
    input.nextToken,
    scope,
    ecsErrors.invalidParameter,
  );
  const head = `arn:aws:ecs:${ctx.region}:${ctx.accountId}:task-definition/`;
  const arns = Object.entries(ctx.index.fleet.taskDefinitions)
    .filter(
      ([arn, td]) =>
        arn.startsWith(head + prefix) &&
        (td.taskDefinition.status ?? 'ACTIVE') === status,
    )
    .map(([arn]) => arn)
    .sort((a, b) => {
      const [fa, ra] = a.slice(head.length).split(':');
      const [fb, rb] = b.slice(head.length).split(':');
      return fa === fb ? Number(ra) - Number(rb) : fa.localeCompare(fb);
    });
  if (descending) {
    arns.reverse();
  }
  const result = page(arns, offset, size, scope);
  return { taskDefinitionArns: result.items, nextToken: result.nextToken };
}

const FARGATE_UNSUPPORTED_LINUX_PARAMETERS = [
  'sharedMemorySize',
  'devices',
  'maxSwap',
  'swappiness',
];

/** The checks the ECS API itself makes (not the linting the product adds on top). */
function validateRegisterInput(input: Json) {
  for (const field of READ_ONLY_TASK_DEFINITION_FIELDS) {
    if (field in input) {
      throw ecsErrors.client(
        `Unknown parameter in input: "${field}" is set by ECS and cannot be registered`,
      );
    }
  }
  if (
    typeof input.family !== 'string' ||
    !/^[A-Za-z0-9_-]{1,255}$/.test(input.family)
  ) {
    throw ecsErrors.client(
      `family must be 1-255 letters, numbers, hyphens and underscores, got ${JSON.stringify(
        input.family,
      )}`,
    );
  }
  const containers = input.containerDefinitions;
  if (!Array.isArray(containers) || containers.length === 0) {
    throw ecsErrors.client('Container list cannot be empty.');
  }
  const compat: string[] = Array.isArray(input.requiresCompatibilities)
    ? input.requiresCompatibilities
    : [];
  const fargate = compat.includes('FARGATE');
  const windows = String(
    input.runtimePlatform?.operatingSystemFamily ?? '',
  ).startsWith('WINDOWS');
  const taskMemory =
    input.memory === undefined ? undefined : Number(input.memory);
  if (fargate) {
    const cpu = Number(input.cpu);
    if (!input.cpu || !input.memory) {
      throw ecsErrors.client(
        'Fargate requires task definition to have cpu and memory values set.',
      );
    }
    if (!isValidFargateSize(cpu, taskMemory!)) {
      throw ecsErrors.client(
        `No Fargate configuration exists for given values: ${input.cpu} CPU, ${input.memory} memory. See the Amazon ECS documentation for the valid values.`,
      );
    }
  }
  containers.forEach((c: Json, i: number) => {
    if (!c || typeof c !== 'object') {
      throw ecsErrors.client(`containerDefinitions[${i}] must be an object`);
    }
    if (typeof c.name !== 'string' || !c.name) {
      throw ecsErrors.client('Container.name should not be null or empty.');
    }
    if (typeof c.image !== 'string' || !c.image) {
      throw ecsErrors.client('Container.image should not be null or empty.');
    }
    if (
      !taskMemory &&
      c.memory === undefined &&
      c.memoryReservation === undefined
    ) {
      throw ecsErrors.client(
        `Invalid setting for container '${c.name}'. At least one of 'memory' or 'memoryReservation' must be specified.`,
      );
    }
    if (windows && c.readonlyRootFilesystem !== undefined) {
      throw ecsErrors.client(
        `readonlyRootFilesystem is not supported on Windows containers (container '${c.name}').`,
      );
    }
    const lp = c.linuxParameters;
    if (!lp) {
      return;
    }
    if ('readonlyRootFilesystem' in lp) {
      throw ecsErrors.client(
        `Unknown parameter in containerDefinitions[${i}].linuxParameters: "readonlyRootFilesystem", must be one of: capabilities, devices, initProcessEnabled, sharedMemorySize, tmpfs, maxSwap, swappiness`,
      );
    }
    if (fargate) {
      const unsupported = FARGATE_UNSUPPORTED_LINUX_PARAMETERS.find(
        p => lp[p] !== undefined,
      );
      if (unsupported) {
        throw ecsErrors.client(
          `Fargate compatible task definitions do not support ${unsupported}`,
        );
      }
    }
    const tmpfs = lp.tmpfs ?? [];
    if (tmpfs.length && windows) {
      throw ecsErrors.client(
        `tmpfs is not supported on Windows containers (container '${c.name}').`,
      );
    }
    tmpfs.forEach((m: Json, j: number) => {
      if (typeof m?.containerPath !== 'string' || !m.containerPath) {
        throw ecsErrors.client(
          `containerDefinitions[${i}].linuxParameters.tmpfs[${j}].containerPath should not be null or empty.`,
        );
      }
      if (!Number.isInteger(m.size) || m.size < 1) {
        throw ecsErrors.client(
          `The tmpfs size must be a non-zero, non-negative integer: containerDefinitions[${i}].linuxParameters.tmpfs[${j}].size is ${JSON.stringify(
            m.size,
          )}`,
        );
      }
    });
  });
  if (input.tags !== undefined) {
    const tags = input.tags;
    if (
      !Array.isArray(tags) ||
      tags.length > 50 ||
      tags.some(
        (t: Json) => typeof t?.key !== 'string' || typeof t?.value !== 'string',
      )
    ) {
      throw ecsErrors.invalidParameter(
        'tags must be at most 50 {key, value} string pairs',
      );
    }
  }
}

function registerTaskDefinition(ctx: EcsContext, input: Json) {
  validateRegisterInput(input);
  const { tags, ...body } = input;
  const revision =
    ctx.index.latestRevision(ctx.accountId, ctx.region, body.family) + 1;
  const taskDefinition = describeRegisteredRevision(body, {
    accountId: ctx.accountId,
    region: ctx.region,
    revision,
    registeredAt: ctx.now().getTime(),
  });
  const arn = taskDefinition.taskDefinitionArn as string;
  const storedTags: SimTag[] = (tags ?? []).map((t: SimTag) => ({
    key: t.key,
    value: t.value,
  }));
  ctx.index.fleet.taskDefinitions[arn] = { taskDefinition, tags: storedTags };
  ctx.index.addTaskDefinition(arn);
  return { taskDefinition, tags: storedTags };
}

export const ECS_OPERATIONS: Record<
  string,
  (ctx: EcsContext, input: Json) => unknown
> = {
  ListClusters: listClusters,
  DescribeClusters: describeClusters,
  ListServices: listServices,
  DescribeServices: describeServices,
  DescribeTaskDefinition: describeTaskDefinition,
  ListTaskDefinitions: listTaskDefinitions,
  RegisterTaskDefinition: registerTaskDefinition,
};

export function unknownEcsOperation(operation: string): AwsError {
  return new AwsError(
    'UnknownOperationException',
    `The simulator does not implement ECS ${operation}`,
  );
}
