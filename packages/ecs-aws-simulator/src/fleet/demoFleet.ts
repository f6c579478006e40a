import path from 'node:path';
import { FleetBuilder } from './builder';
import { FLEET_EPOCH_MS, generateInto } from './generateFleet';
import { addServiceFromFile, rehomeTaskDefinition } from './importedServices';
import { HeadroomSituation } from './memoryProfile';
import { readTaskDefinitionFiles } from './taskDefinitionFiles';
import { Fleet } from './types';

/** The reference samples ship with the package (copies of the shared reference files). */
export const SAMPLE_TASK_DEFINITIONS_DIR = path.join(
  path.dirname(require.resolve('@internal/ecs-aws-simulator/package.json')),
  'samples/task-definitions',
);

interface SampleHome {
  family: string;
  accountId: string;
  region: string;
  situation: HeadroomSituation;
  containerInsights?: boolean;
}

// storefront-web runs in two Regions: its catalog entity lists both service ARNs.
const SAMPLE_HOMES: SampleHome[] = [
  {
    family: 'storefront-web',
    accountId: '111111111111',
    region: 'eu-west-1',
    situation: 'ok',
  },
  {
    family: 'storefront-web',
    accountId: '111111111111',
    region: 'us-east-1',
    situation: 'low',
  },
  {
    family: 'payments-api',
    accountId: '111111111111',
    region: 'us-east-1',
    situation: 'ok',
  },
  {
    family: 'thumbnailer',
    accountId: '222222222222',
    region: 'us-east-1',
    situation: 'exhausted',
  },
  {
    family: 'ci-build-runner',
    accountId: '222222222222',
    region: 'eu-west-1',
    situation: 'oversized',
  },
  {
    family: 'accounts-legacy',
    accountId: '111111111111',
    region: 'us-east-1',
    situation: 'ok',
    containerInsights: false,
  },
  {
    family: 'reporting-iis',
    accountId: '111111111111',
    region: 'eu-west-1',
    situation: 'ok',
  },
];

export const DEMO_SEED = 2026;

/**
 * The fleet the app starts with: 84 generated services in 8 team clusters over accounts
 * 111111111111 and 222222222222 and Regions us-east-1 and eu-west-1, plus the reference sample
 * task definitions re-homed into those accounts (storefront-web, payments-api, the Windows
 * reporting-iis, the EC2 thumbnailer, the Managed Instances ci-build-runner, accounts-legacy).
 * @public
 */
export function demoFleet(): Fleet {
  const builder = new FleetBuilder();
  generateInto(builder, { seed: DEMO_SEED, clusters: 8, services: 84 });
  const samples = readTaskDefinitionFiles(SAMPLE_TASK_DEFINITIONS_DIR);
  for (const home of SAMPLE_HOMES) {
    const sample = samples.find(s => s.taskDefinition.family === home.family);
    if (!sample) {
      throw new Error(
        `Sample task definition ${home.family} is missing from ${SAMPLE_TASK_DEFINITIONS_DIR}`,
      );
    }
    addServiceFromFile(
      builder,
      {
        ...sample,
        taskDefinition: rehomeTaskDefinition(
          sample.taskDefinition,
          home.accountId,
          home.region,
        ),
      },
      { ...home, registeredAt: FLEET_EPOCH_MS },
    );
  }
  return builder.fleet;
}
