import { parseEcsArn } from './fleet/arns';
import { Fleet, SimCluster, SimService } from './fleet/types';

/** Lookups the API needs in O(1); the Fleet stays plain data that tests and demos can edit. */
export class FleetIndex {
  private readonly clusters = new Map<string, SimCluster>();
  private readonly services = new Map<
    string,
    { service: SimService; cluster: SimCluster }
  >();
  private readonly latestRevisions = new Map<string, number>();

  constructor(readonly fleet: Fleet) {
    for (const account of Object.values(fleet.accounts)) {
      for (const region of Object.values(account.regions)) {
        for (const cluster of region.clusters) {
          this.clusters.set(cluster.clusterArn, cluster);
          for (const service of cluster.services) {
            this.services.set(service.serviceArn, { service, cluster });
          }
        }
      }
    }
    for (const arn of Object.keys(fleet.taskDefinitions)) {
      this.noteRevision(arn);
    }
  }

  private noteRevision(arn: string) {
    const parsed = parseEcsArn(arn);
    const match = parsed && /^(.+):(\d+)$/.exec(parsed.resource);
    if (!parsed || !match) {
      return;
    }
    const key = `${parsed.accountId}|${parsed.region}|${match[1]}`;
    this.latestRevisions.set(
      key,
      Math.max(this.latestRevisions.get(key) ?? 0, Number(match[2])),
    );
  }

  clustersIn(accountId: string, region: string): SimCluster[] {
    return this.fleet.accounts[accountId]?.regions[region]?.clusters ?? [];
  }

  cluster(arn: string): SimCluster | undefined {
    return this.clusters.get(arn);
  }

  service(arn: string) {
    return this.services.get(arn);
  }

  latestRevision(accountId: string, region: string, family: string): number {
    return this.latestRevisions.get(`${accountId}|${region}|${family}`) ?? 0;
  }

  addTaskDefinition(arn: string) {
    this.noteRevision(arn);
  }

  removeService(arn: string): boolean {
    const entry = this.services.get(arn);
    if (!entry) {
      return false;
    }
    entry.cluster.services = entry.cluster.services.filter(
      s => s.serviceArn !== arn,
    );
    this.services.delete(arn);
    return true;
  }
}
