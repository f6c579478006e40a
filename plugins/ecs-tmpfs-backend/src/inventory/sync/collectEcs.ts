import {
  DescribeClustersCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  ECSClient,
  ListClustersCommand,
  ListServicesCommand,
  type Service,
} from '@aws-sdk/client-ecs';
import { chunk, mapWithConcurrency } from './concurrency';
import {
  DESCRIBE_CLUSTERS_BATCH,
  DESCRIBE_SERVICES_BATCH,
  ECS_CONCURRENCY,
  LIST_CLUSTERS_PAGE,
  LIST_SERVICES_PAGE,
} from './limits';

export interface EcsClusterInfo {
  clusterArn: string;
  clusterName: string;
  /** Container Insights (or enhanced observability) is on, so its metrics exist */
  containerInsights: boolean;
}

export interface CollectedService {
  serviceArn: string;
  serviceName: string;
  clusterName: string;
  launchType?: string;
  desiredCount?: number;
  runningCount?: number;
  tags: { key: string; value: string }[];
  taskDefinitionArn: string;
}

export interface DescribedTaskDefinition {
  taskDefinitionArn: string;
  /** as DescribeTaskDefinition returned it, with its `tags`; not yet redacted */
  raw: Record<string, unknown>;
}

export interface EcsListing {
  clusters: EcsClusterInfo[];
  services: CollectedService[];
  newTaskDefinitions: DescribedTaskDefinition[];
}

export type ProgressReporter = (
  phase: string,
  done: number,
  total?: number,
) => void;

function nameFromArn(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

function launchTypeOf(service: Service): string | undefined {
  if (service.launchType) return service.launchType;
  const providers = service.capacityProviderStrategy ?? [];
  if (providers.some(p => p.capacityProvider?.startsWith('FARGATE'))) {
    return 'FARGATE';
  }
  return undefined;
}

async function listClusters(ecs: ECSClient): Promise<string[]> {
  const arns: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await ecs.send(
      new ListClustersCommand({ maxResults: LIST_CLUSTERS_PAGE, nextToken }),
    );
    arns.push(...(page.clusterArns ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return arns;
}

async function describeClusters(
  ecs: ECSClient,
  clusterArns: string[],
): Promise<EcsClusterInfo[]> {
  const batches = await mapWithConcurrency(
    chunk(clusterArns, DESCRIBE_CLUSTERS_BATCH),
    ECS_CONCURRENCY,
    async batch => {
      const res = await ecs.send(
        new DescribeClustersCommand({ clusters: batch, include: ['SETTINGS'] }),
      );
      const byArn = new Map(
        (res.clusters ?? []).map(c => [c.clusterArn ?? '', c]),
      );
      return batch.map(clusterArn => {
        const setting = byArn
          .get(clusterArn)
          ?.settings?.find(s => s.name === 'containerInsights')?.value;
        return {
          clusterArn,
          clusterName:
            byArn.get(clusterArn)?.clusterName ?? nameFromArn(clusterArn),
          containerInsights: setting === 'enabled' || setting === 'enhanced',
        };
      });
    },
  );
  return batches.flat();
}

async function listServiceArns(
  ecs: ECSClient,
  cluster: string,
): Promise<string[]> {
  const arns: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await ecs.send(
      new ListServicesCommand({
        cluster,
        maxResults: LIST_SERVICES_PAGE,
        nextToken,
      }),
    );
    arns.push(...(page.serviceArns ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return arns;
}

async function describeServices(
  ecs: ECSClient,
  cluster: EcsClusterInfo,
  serviceArns: string[],
): Promise<CollectedService[]> {
  const out: CollectedService[] = [];
  for (const batch of chunk(serviceArns, DESCRIBE_SERVICES_BATCH)) {
    const res = await ecs.send(
      new DescribeServicesCommand({
        cluster: cluster.clusterArn,
        services: batch,
        include: ['TAGS'],
      }),
    );
    for (const s of res.services ?? []) {
      // INACTIVE services are deleted ones ECS still remembers for a while.
      if (!s.serviceArn || !s.taskDefinition || s.status === 'INACTIVE') {
        continue;
      }
      out.push({
        serviceArn: s.serviceArn,
        serviceName: s.serviceName ?? nameFromArn(s.serviceArn),
        clusterName: cluster.clusterName,
        launchType: launchTypeOf(s),
        desiredCount: s.desiredCount,
        runningCount: s.runningCount,
        tags: (s.tags ?? [])
          .filter(t => t.key !== undefined)
          .map(t => ({ key: t.key!, value: t.value ?? '' })),
        taskDefinitionArn: s.taskDefinition,
      });
    }
  }
  return out;
}

async function describeTaskDefinition(
  ecs: ECSClient,
  taskDefinitionArn: string,
): Promise<DescribedTaskDefinition> {
  const res = await ecs.send(
    new DescribeTaskDefinitionCommand({
      taskDefinition: taskDefinitionArn,
      include: ['TAGS'],
    }),
  );
  if (!res.taskDefinition) {
    throw new Error(
      `DescribeTaskDefinition returned no task definition for ${taskDefinitionArn}`,
    );
  }
  // Dates become ISO strings, as the AWS CLI would print them.
  const raw = JSON.parse(
    JSON.stringify({ ...res.taskDefinition, tags: res.tags ?? [] }),
  );
  return { taskDefinitionArn, raw };
}

/**
 * Lists every service of one account × Region with the fewest calls the API limits allow, and
 * describes only task-definition revisions not in `isKnownRevision` (revisions are immutable).
 * Any failure after the SDK's retries rejects: a partial listing must not look complete.
 */
export async function collectEcs(
  ecs: ECSClient,
  isKnownRevision: (arns: string[]) => Promise<Set<string>>,
  progress: ProgressReporter,
): Promise<EcsListing> {
  progress('list-clusters', 0);
  const clusters = await describeClusters(ecs, await listClusters(ecs));

  let servicesDone = 0;
  progress('list-services', 0, clusters.length);
  const perCluster = await mapWithConcurrency(
    clusters,
    ECS_CONCURRENCY,
    async cluster => {
      const arns = await listServiceArns(ecs, cluster.clusterArn);
      const described = await describeServices(ecs, cluster, arns);
      progress('list-services', ++servicesDone, clusters.length);
      return described;
    },
  );
  const services = perCluster.flat();

  const referenced = [...new Set(services.map(s => s.taskDefinitionArn))];
  const known = await isKnownRevision(referenced);
  const missing = referenced.filter(arn => !known.has(arn));
  let tdDone = 0;
  progress('describe-task-definitions', 0, missing.length);
  const newTaskDefinitions = await mapWithConcurrency(
    missing,
    ECS_CONCURRENCY,
    async arn => {
      const td = await describeTaskDefinition(ecs, arn);
      progress('describe-task-definitions', ++tdDone, missing.length);
      return td;
    },
  );
  return { clusters, services, newTaskDefinitions };
}
