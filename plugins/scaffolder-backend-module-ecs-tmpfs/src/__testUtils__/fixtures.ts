import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import {
  AwsSimulator,
  demoFleet,
  SAMPLE_TASK_DEFINITIONS_DIR,
  type SimService,
} from '@internal/ecs-aws-simulator';
import type {
  ServiceView,
  TmpfsTemplate,
} from '@internal/plugin-ecs-tmpfs-common';
import { DefaultAwsClientFactory } from '@internal/plugin-ecs-tmpfs-node';
import fs from 'node:fs';
import path from 'node:path';
import type { EcsTmpfsApi } from '../lib/ecsTmpfsApi';

/** the reference samples (DescribeTaskDefinition responses) shipped with the simulator */
export const REFERENCE_DIR = SAMPLE_TASK_DEFINITIONS_DIR;

/** the shared reference samples (DescribeTaskDefinition responses), by file name */
export function referenceTaskDefinitions(): Record<string, unknown> {
  const files = fs
    .readdirSync(REFERENCE_DIR)
    .filter(f => f.endsWith('.json'))
    .sort();
  return Object.fromEntries(
    files.map(f => [
      f,
      JSON.parse(fs.readFileSync(path.join(REFERENCE_DIR, f), 'utf8')),
    ]),
  );
}

export function template(
  name: string,
  overrides: Partial<TmpfsTemplate> = {},
): TmpfsTemplate {
  return {
    name,
    title: name,
    description: '',
    owner: 'group:default/platform',
    mounts: [{ containerPath: '/var/tmp/scaffold', size: 64 }],
    readonlyRootFilesystem: false,
    tags: [],
    source: 'builtin',
    readOnly: true,
    version: 1,
    ...overrides,
  };
}

/** an in-memory stand-in for the ecs-tmpfs backend API */
export function fakeApi(opts: {
  templates?: TmpfsTemplate[];
  peaks?: Record<string, number>;
}): EcsTmpfsApi & { serviceCalls: string[] } {
  const serviceCalls: string[] = [];
  return {
    serviceCalls,
    async getTemplate(name) {
      return opts.templates?.find(t => t.name === name);
    },
    async getService(arn) {
      serviceCalls.push(arn);
      const peak = opts.peaks?.[arn];
      if (peak === undefined) return undefined;
      return {
        serviceArn: arn,
        headroom: { observedPeakMiB: peak },
      } as ServiceView;
    },
  };
}

export const SIMULATOR_CONFIG = {
  aws: {
    accounts: [
      {
        accountId: '111111111111',
        accessKeyId: 'SIMULATOR111111111111',
        secretAccessKey: 'simulator-secret',
      },
      {
        accountId: '222222222222',
        accessKeyId: 'SIMULATOR222222222222',
        secretAccessKey: 'simulator-secret',
      },
    ],
  },
  ecsTmpfs: {
    targets: [
      { accountId: '111111111111', regions: ['us-east-1', 'eu-west-1'] },
      { accountId: '222222222222', regions: ['us-east-1'] },
    ],
  },
};

/** the real client factory, configured like app-config.yaml, optionally with an endpoint */
export function simulatorClients(endpoint?: string) {
  const config = new ConfigReader({
    ...SIMULATOR_CONFIG,
    ecsTmpfs: {
      ...SIMULATOR_CONFIG.ecsTmpfs,
      ...(endpoint ? { endpoints: { ecs: endpoint } } : {}),
    },
  });
  return DefaultAwsClientFactory.fromConfig(config, {
    logger: mockServices.logger.mock(),
  });
}

export function createSimulator() {
  return new AwsSimulator({ fleet: demoFleet() });
}

export function findService(
  sim: AwsSimulator,
  accountId: string,
  region: string,
  namePart: string,
): SimService {
  const clusters = sim.fleet.accounts[accountId]?.regions[region]?.clusters;
  const service = clusters
    ?.flatMap(c => c.services)
    .find(s => s.serviceName.includes(namePart));
  if (!service) {
    throw new Error(`No ${namePart} service in ${accountId}/${region}`);
  }
  return service;
}
