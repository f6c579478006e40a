/** ECS tag, as the ECS API spells it (lower-case keys). @public */
export interface SimTag {
  key: string;
  value: string;
}

/**
 * Memory spikes: on any UTC day, with `dailyProbability`, one spike of `extraMiB` on top of the
 * daily pattern for `durationMinutes` (day and start minute derived from a hash, so the same
 * spikes appear whatever window is queried). @public
 */
export interface SimSpikes {
  dailyProbability: number;
  durationMinutes: number;
  extraMiB: number;
}

/**
 * How a service's memory use behaves over time. Datapoints are computed from this on request
 * (never stored), so a fleet of thousands of services costs nothing until it is queried.
 * @public
 */
export interface SimMemoryProfile {
  /** per-task memory use at the daily low, MiB */
  baselineMiB: number;
  /** added at the daily peak (14:00 UTC), MiB */
  dailyAmplitudeMiB: number;
  /** random jitter per sample, MiB */
  noiseMiB: number;
  spikes: SimSpikes;
  /** publishes `ECS/ContainerInsights` metrics (otherwise only `AWS/ECS` MemoryUtilization) */
  containerInsights: boolean;
  /** publishes any memory metric at all (false: headroom must show as unknown) */
  hasMetrics: boolean;
}

/** @public */
export type SimLaunchType = 'FARGATE' | 'EC2' | 'MANAGED_INSTANCES';

/** @public */
export interface SimService {
  serviceArn: string;
  serviceName: string;
  clusterArn: string;
  clusterName: string;
  accountId: string;
  region: string;
  /** ARN of the current task definition revision */
  taskDefinition: string;
  desiredCount: number;
  runningCount: number;
  launchType: SimLaunchType;
  tags: SimTag[];
  /** milliseconds since the epoch */
  createdAt: number;
  memory: SimMemoryProfile;
}

/** @public */
export interface SimCluster {
  clusterArn: string;
  clusterName: string;
  containerInsights: boolean;
  tags: SimTag[];
  services: SimService[];
}

/** @public */
export interface SimRegion {
  clusters: SimCluster[];
}

/** @public */
export interface SimAccount {
  regions: Record<string, SimRegion>;
}

/** A registered task definition revision: the DescribeTaskDefinition output shape. @public */
export interface SimTaskDefinition {
  taskDefinition: Record<string, unknown>;
  tags: SimTag[];
}

/** @public */
export interface Fleet {
  /** account id → Region → clusters → services */
  accounts: Record<string, SimAccount>;
  /** every registered revision by task definition ARN */
  taskDefinitions: Record<string, SimTaskDefinition>;
}
