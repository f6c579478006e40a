import {
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
} from '@aws-sdk/client-ecs';
import { InputError, NotFoundError } from '@backstage/errors';
import type { AwsClientFactory } from '@internal/plugin-ecs-tmpfs-node';
import { ecsClientFor } from './awsTargets';
import { parseEcsArn, serviceCluster } from './ecsArn';

/** A DescribeTaskDefinition response as plain JSON, plus where it lives. */
export interface LiveTaskDefinition {
  /** `{ taskDefinition, tags }`, dates as ISO strings */
  document: Record<string, unknown>;
  taskDefinitionArn: string;
  accountId: string;
  region: string;
}

/**
 * Reads the task definition live from ECS with the backend's credentials. The ecs-tmpfs
 * backend's stored copy is redacted (no environment values), so a new revision must never be
 * built from it.
 */
export async function describeLiveTaskDefinition(
  clients: AwsClientFactory,
  taskDefinitionArn: string,
  field = 'taskDefinitionArn',
): Promise<LiveTaskDefinition> {
  const arn = parseEcsArn(taskDefinitionArn, field, 'task-definition');
  const target = { accountId: arn.accountId, region: arn.region };
  const ecs = await ecsClientFor(clients, target, `${field} ${arn.arn}`);
  let response;
  try {
    response = await ecs.send(
      new DescribeTaskDefinitionCommand({
        taskDefinition: arn.arn,
        include: ['TAGS'],
      }),
    );
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'ClientException' || name === 'InvalidParameterException') {
      throw new NotFoundError(
        `${field} ${arn.arn} could not be described: ${
          (error as Error).message
        }`,
      );
    }
    throw error;
  }
  if (!response.taskDefinition) {
    throw new NotFoundError(`${field} ${arn.arn} was not found`);
  }
  // Through JSON: the SDK hands back Date objects, the workspace file and outputs need JSON.
  const document = JSON.parse(
    JSON.stringify({
      taskDefinition: response.taskDefinition,
      tags: response.tags ?? [],
    }),
  );
  return { document, taskDefinitionArn: arn.arn, ...target };
}

/** the task definition a service runs right now, read live with DescribeServices */
export async function currentServiceTaskDefinitionArn(
  clients: AwsClientFactory,
  serviceArn: string,
  field = 'serviceArn',
): Promise<string> {
  const arn = parseEcsArn(serviceArn, field, 'service');
  const cluster = serviceCluster(arn, field);
  const ecs = await ecsClientFor(
    clients,
    { accountId: arn.accountId, region: arn.region },
    `${field} ${arn.arn}`,
  );
  const response = await ecs.send(
    new DescribeServicesCommand({ cluster, services: [arn.arn] }),
  );
  const service = response.services?.[0];
  if (!service?.taskDefinition) {
    const reason = response.failures?.[0]?.reason ?? 'MISSING';
    throw new NotFoundError(`${field} ${arn.arn} was not found (${reason})`);
  }
  if (service.status === 'INACTIVE') {
    throw new InputError(`${field} ${arn.arn} is INACTIVE`);
  }
  return service.taskDefinition;
}
