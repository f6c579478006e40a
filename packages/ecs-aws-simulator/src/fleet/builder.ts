import { clusterArn, serviceArn } from './arns';
import { describeRegisteredRevision } from './taskDefinitions';
import { Fleet, SimCluster, SimService, SimTag } from './types';

/** Assembles a Fleet while keeping the indexes (latest revision per family) a plain Fleet lacks. */
export class FleetBuilder {
  readonly fleet: Fleet = { accounts: {}, taskDefinitions: {} };
  private readonly latestRevision = new Map<string, number>();
  private readonly clusters = new Map<string, SimCluster>();

  cluster(
    accountId: string,
    region: string,
    clusterName: string,
    opts: { containerInsights: boolean; tags?: SimTag[] },
  ): SimCluster {
    const arn = clusterArn(accountId, region, clusterName);
    const existing = this.clusters.get(arn);
    if (existing) {
      return existing;
    }
    const account = (this.fleet.accounts[accountId] ??= { regions: {} });
    const regionEntry = (account.regions[region] ??= { clusters: [] });
    const cluster: SimCluster = {
      clusterArn: arn,
      clusterName,
      containerInsights: opts.containerInsights,
      tags: opts.tags ?? [],
      services: [],
    };
    regionEntry.clusters.push(cluster);
    this.clusters.set(arn, cluster);
    return cluster;
  }

  /**
   * Registers a task definition (any describe output or register input) in an account and
   * Region; keeps `revision` when it is above the family's latest, so samples keep theirs.
   */
  registerTaskDefinition(
    accountId: string,
    region: string,
    taskDefinition: Record<string, unknown>,
    tags: SimTag[],
    registeredAt: number,
  ): string {
    const family = String(taskDefinition.family);
    const key = `${accountId}|${region}|${family}`;
    const latest = this.latestRevision.get(key) ?? 0;
    const wanted = Number(taskDefinition.revision);
    const revision =
      Number.isInteger(wanted) && wanted > latest ? wanted : latest + 1;
    this.latestRevision.set(key, revision);
    const described = describeRegisteredRevision(taskDefinition, {
      accountId,
      region,
      revision,
      registeredAt,
    });
    const arn = described.taskDefinitionArn as string;
    this.fleet.taskDefinitions[arn] = { taskDefinition: described, tags };
    return arn;
  }

  addService(
    cluster: SimCluster,
    service: Omit<
      SimService,
      'serviceArn' | 'clusterArn' | 'clusterName' | 'accountId' | 'region'
    >,
  ): SimService {
    const parsed = /^arn:aws:ecs:([^:]+):(\d{12}):cluster\//.exec(
      cluster.clusterArn,
    )!;
    const full: SimService = {
      serviceArn: serviceArn(
        parsed[2],
        parsed[1],
        cluster.clusterName,
        service.serviceName,
      ),
      clusterArn: cluster.clusterArn,
      clusterName: cluster.clusterName,
      accountId: parsed[2],
      region: parsed[1],
      ...service,
    };
    cluster.services.push(full);
    return full;
  }
}
