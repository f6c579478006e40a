import { SeededRandom } from '../random';
import {
  ARCHETYPES,
  Archetype,
  MISCONFIGURATIONS,
  Misconfiguration,
  applyMisconfiguration,
  buildTaskDefinition,
  misconfigurationFits,
} from './archetypes';
import { FleetBuilder } from './builder';
import { HeadroomSituation, memoryProfileFor } from './memoryProfile';
import { launchTypeOf, taskMemoryMiB, tmpfsTotalMiB } from './taskDefinitions';
import { Fleet, SimCluster, SimLaunchType, SimTag } from './types';

/** @public */
export interface GenerateFleetOptions {
  accounts?: string[];
  regions?: string[];
  /** clusters in total, spread over every account × Region (default 8) */
  clusters?: number;
  /** services in total, spread over the clusters (default 80) */
  services?: number;
  seed?: number;
}

export const DEMO_ACCOUNTS = ['111111111111', '222222222222'];
export const DEMO_REGIONS = ['us-east-1', 'eu-west-1'];

/** Registration and creation times are fixed so a seed always gives the same fleet. */
export const FLEET_EPOCH_MS = Date.UTC(2026, 0, 15, 9, 30);
const DAY_MS = 86_400_000;

export const TEAMS: Record<string, string[]> = {
  payments: [
    'payment-gateway',
    'ledger',
    'refunds',
    'payouts',
    'fraud-scoring',
    'card-vault',
  ],
  storefront: [
    'catalog-web',
    'cart',
    'checkout',
    'product-images',
    'recommendations',
    'reviews',
  ],
  media: [
    'transcoder',
    'thumbnail-worker',
    'media-api',
    'cdn-purger',
    'uploads',
  ],
  platform: [
    'service-mesh-gateway',
    'feature-flags',
    'build-cache',
    'artifact-proxy',
    'ci-runner',
  ],
  identity: ['auth-api', 'sessions', 'user-profile', 'mfa', 'directory-sync'],
  'finance-reporting': [
    'invoicing',
    'reporting-api',
    'tax-engine',
    'statement-renderer',
  ],
  search: ['search-api', 'indexer', 'query-suggest', 'crawler'],
  data: [
    'events-ingest',
    'etl-runner',
    'warehouse-loader',
    'stream-enricher',
    'feature-store',
  ],
};

const TEAM_NAMES = Object.keys(TEAMS);
const SITUATIONS: HeadroomSituation[] = [
  'ok',
  'low',
  'ok',
  'exhausted',
  'oversized',
  'ok',
  'low',
  'ok',
];

function launchTypeFor(rng: SeededRandom): SimLaunchType {
  const r = rng.next();
  if (r < 0.6) {
    return 'FARGATE';
  }
  return r < 0.85 ? 'EC2' : 'MANAGED_INSTANCES';
}

function archetypeFor(rng: SeededRandom, launchType: SimLaunchType): Archetype {
  if (launchType === 'MANAGED_INSTANCES' && rng.chance(0.4)) {
    return 'build-runner';
  }
  if (launchType === 'EC2' && rng.chance(0.4)) {
    return 'python-worker';
  }
  return rng.pick(ARCHETYPES.filter(a => a !== 'build-runner'));
}

function hex(rng: SeededRandom, length: number) {
  let out = '';
  while (out.length < length) {
    out += Math.floor(rng.next() * 0x10000)
      .toString(16)
      .padStart(4, '0');
  }
  return out.slice(0, length);
}

/** Populates an existing builder; demoFleet adds the reference samples to the same builder. */
export function generateInto(
  builder: FleetBuilder,
  opts: GenerateFleetOptions = {},
): void {
  const accounts = opts.accounts ?? DEMO_ACCOUNTS;
  const regions = opts.regions ?? DEMO_REGIONS;
  const clusterCount = Math.max(1, opts.clusters ?? 8);
  const serviceCount = Math.max(0, opts.services ?? 80);
  const rng = new SeededRandom(opts.seed ?? 1);

  const locations = accounts.flatMap(accountId =>
    regions.map(region => ({ accountId, region })),
  );
  const clusters: Array<{
    cluster: SimCluster;
    team: string;
    accountId: string;
    region: string;
  }> = [];
  for (let i = 0; i < clusterCount; i++) {
    const { accountId, region } = locations[i % locations.length];
    const team = TEAM_NAMES[i % TEAM_NAMES.length];
    const round = Math.floor(i / TEAM_NAMES.length);
    const clusterName = `${team}-prod${round ? `-${round + 1}` : ''}`;
    const cluster = builder.cluster(accountId, region, clusterName, {
      containerInsights: rng.chance(0.7),
      tags: [
        { key: 'team', value: team },
        { key: 'environment', value: 'prod' },
      ],
    });
    clusters.push({ cluster, team, accountId, region });
  }

  const usedNames = new Set<string>();
  let misconfigurationIndex = 0;
  for (let i = 0; i < serviceCount; i++) {
    const home = clusters[i % clusters.length];
    const { team, accountId, region, cluster } = home;
    const nouns = TEAMS[team];
    let serviceName = nouns[Math.floor(i / clusters.length) % nouns.length];
    for (
      let n = 2;
      usedNames.has(`${accountId}|${region}|${serviceName}`);
      n++
    ) {
      serviceName = `${
        nouns[Math.floor(i / clusters.length) % nouns.length]
      }-${n}`;
    }
    usedNames.add(`${accountId}|${region}|${serviceName}`);

    const launchType = launchTypeFor(rng);
    const archetype = archetypeFor(rng, launchType);
    const td = buildTaskDefinition(archetype, {
      family: serviceName,
      accountId,
      region,
      launchType,
      rng,
      plantedSecret: rng.chance(0.25)
        ? `planted-secret-${hex(rng, 16)}`
        : undefined,
    });
    // Every fifth service carries one misconfiguration, cycling so each kind appears.
    if (i % 5 === 2) {
      let kind: Misconfiguration | undefined;
      for (let tries = 0; tries < MISCONFIGURATIONS.length && !kind; tries++) {
        const candidate =
          MISCONFIGURATIONS[misconfigurationIndex++ % MISCONFIGURATIONS.length];
        kind = misconfigurationFits(candidate, launchType)
          ? candidate
          : undefined;
      }
      applyMisconfiguration(td, kind!);
    }

    const tags: SimTag[] = [
      { key: 'team', value: team },
      { key: 'component', value: serviceName },
    ];
    const registeredAt = FLEET_EPOCH_MS - rng.int(1, 60) * DAY_MS;
    if (rng.chance(0.3)) {
      // an older revision, so the family has history and only the newest one is deployed
      builder.registerTaskDefinition(
        accountId,
        region,
        td,
        tags,
        registeredAt - 30 * DAY_MS,
      );
    }
    const arn = builder.registerTaskDefinition(
      accountId,
      region,
      td,
      tags,
      registeredAt,
    );

    const desiredCount = rng.int(1, 6);
    const hasMetrics = i % 11 !== 7;
    builder.addService(cluster, {
      serviceName,
      taskDefinition: arn,
      desiredCount,
      runningCount: rng.chance(0.9) ? desiredCount : desiredCount - 1,
      launchType: launchTypeOf(td),
      tags: [...tags, { key: 'environment', value: 'prod' }],
      createdAt: registeredAt - rng.int(30, 400) * DAY_MS,
      memory: memoryProfileFor(rng, {
        taskMemoryMiB: taskMemoryMiB(td) ?? 512,
        tmpfsMiB: tmpfsTotalMiB(td),
        situation: SITUATIONS[i % SITUATIONS.length],
        containerInsights: cluster.containerInsights,
        hasMetrics,
      }),
    });
  }
}

/**
 * A deterministic fleet of the given size: teams with their own clusters, Fargate, EC2 and
 * Managed Instances services, rule-catalogue misconfigurations on every fifth service, headroom
 * situations from ample to exhausted and some services without metrics. Metrics are computed
 * on request, so 5,000 services cost only their task definitions.
 * @public
 */
export function generateFleet(opts: GenerateFleetOptions = {}): Fleet {
  const builder = new FleetBuilder();
  generateInto(builder, opts);
  return builder.fleet;
}
