import {
  DescribeTaskDefinitionCommand,
  ListServicesCommand,
} from '@aws-sdk/client-ecs';
import { setupServer } from 'msw/node';
import { AwsSimulator } from '../AwsSimulator';
import { SAMPLE_TASK_DEFINITIONS_DIR, demoFleet } from '../fleet/demoFleet';
import { generateFleet } from '../fleet/generateFleet';
import { loadFleetFromDirectory } from '../fleet/loadFleetFromDirectory';
import { Fleet, SimService } from '../fleet/types';
import { createMswHandlers } from '../msw';
import { ecsClient } from '../__testUtils__/clients';

function services(fleet: Fleet): SimService[] {
  return Object.values(fleet.accounts).flatMap(a =>
    Object.values(a.regions).flatMap(r => r.clusters.flatMap(c => c.services)),
  );
}

function tdOf(fleet: Fleet, service: SimService) {
  return fleet.taskDefinitions[service.taskDefinition].taskDefinition as any;
}

describe('generateFleet', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateFleet({ seed: 3 })).toEqual(generateFleet({ seed: 3 }));
    expect(generateFleet({ seed: 3 })).not.toEqual(generateFleet({ seed: 4 }));
  });

  it('builds the benchmark fleet (5,000 services, 100 clusters, 2 accounts × 2 Regions) fast', () => {
    const started = Date.now();
    const fleet = generateFleet({ services: 5000, clusters: 100, seed: 9 });
    expect(Date.now() - started).toBeLessThan(5000);
    const all = services(fleet);
    expect(all).toHaveLength(5000);
    expect(new Set(all.map(s => s.serviceArn)).size).toBe(5000);
    expect(Object.keys(fleet.accounts).sort()).toEqual([
      '111111111111',
      '222222222222',
    ]);
    const clusters = Object.values(fleet.accounts).flatMap(a =>
      Object.values(a.regions).flatMap(r => r.clusters),
    );
    expect(clusters).toHaveLength(100);
    for (const service of all) {
      expect(fleet.taskDefinitions[service.taskDefinition]).toBeDefined();
    }
  });
});

describe('demoFleet', () => {
  const fleet = demoFleet();
  const all = services(fleet);

  it('spans the demo accounts, Regions, teams and launch types', () => {
    expect(all.length).toBeGreaterThanOrEqual(60);
    expect(all.length).toBeLessThanOrEqual(120);
    expect(new Set(all.map(s => `${s.accountId}/${s.region}`))).toEqual(
      new Set([
        '111111111111/us-east-1',
        '111111111111/eu-west-1',
        '222222222222/us-east-1',
        '222222222222/eu-west-1',
      ]),
    );
    expect(new Set(all.map(s => s.launchType))).toEqual(
      new Set(['FARGATE', 'EC2', 'MANAGED_INSTANCES']),
    );
    const teams = new Set(
      all.map(s => s.tags.find(t => t.key === 'team')?.value),
    );
    for (const team of [
      'payments',
      'storefront',
      'media',
      'platform',
      'identity',
      'finance-reporting',
      'search',
      'data',
    ]) {
      expect(teams).toContain(team);
    }
    for (const s of all) {
      expect(s.tags.map(t => t.key)).toEqual(
        expect.arrayContaining(['team', 'component']),
      );
    }
  });

  it('holds the reference samples, storefront-web in two Regions', () => {
    const byName = (name: string) => all.filter(s => s.serviceName === name);
    expect(
      byName('storefront-web')
        .map(s => s.region)
        .sort(),
    ).toEqual(['eu-west-1', 'us-east-1']);
    expect(byName('payments-api')).toHaveLength(1);
    const windows = byName('reporting-iis')[0];
    expect(tdOf(fleet, windows).runtimePlatform.operatingSystemFamily).toMatch(
      /^WINDOWS/,
    );
    const payments = tdOf(fleet, byName('payments-api')[0]);
    expect(payments.taskDefinitionArn).toBe(
      'arn:aws:ecs:us-east-1:111111111111:task-definition/payments-api:118',
    );
    expect(payments.containerDefinitions[0].image).toMatch(
      /^111111111111\.dkr\.ecr\.us-east-1/,
    );
  });

  it('mixes tmpfs, misconfigurations, planted secrets and metric situations', () => {
    const tds = all.map(s => JSON.stringify(tdOf(fleet, s)));
    expect(tds.filter(t => t.includes('"tmpfs"')).length).toBeGreaterThan(10);
    expect(tds.filter(t => !t.includes('"tmpfs"')).length).toBeGreaterThan(3);
    expect(tds.some(t => t.includes('"mode"'))).toBe(true);
    expect(tds.some(t => /"size=\d+m"/.test(t))).toBe(true);
    expect(
      all.some(s =>
        tdOf(fleet, s).containerDefinitions.some(
          (c: any) => c.linuxParameters?.readonlyRootFilesystem === true,
        ),
      ),
    ).toBe(true);
    expect(tds.some(t => t.includes('"cpu":"512","memory":"512"'))).toBe(true);
    expect(tds.some(t => t.includes('/run/secrets'))).toBe(true);
    expect(
      tds.filter(t => /planted-secret-[0-9a-f]{16}/.test(t)).length,
    ).toBeGreaterThan(3);
    expect(all.some(s => !s.memory.hasMetrics)).toBe(true);
    expect(
      all.some(s => s.memory.hasMetrics && !s.memory.containerInsights),
    ).toBe(true);
    expect(all.some(s => s.memory.spikes.dailyProbability > 0)).toBe(true);
  });
});

describe('loadFleetFromDirectory', () => {
  it('serves the reference task definitions as services in their own accounts', async () => {
    const fleet = loadFleetFromDirectory(SAMPLE_TASK_DEFINITIONS_DIR);
    const all = services(fleet);
    expect(all.map(s => s.serviceName).sort()).toEqual([
      'accounts-legacy',
      'ci-build-runner',
      'payments-api',
      'reporting-iis',
      'storefront-web',
      'thumbnailer',
    ]);
    const sim = new AwsSimulator({ fleet });
    const server = setupServer(...createMswHandlers(sim));
    server.listen({ onUnhandledRequest: 'error' });
    try {
      const client = ecsClient({
        accountId: '123456789012',
        region: 'eu-west-1',
      });
      const listed = await client.send(
        new ListServicesCommand({ cluster: 'storefront-prod' }),
      );
      expect(listed.serviceArns).toEqual([
        'arn:aws:ecs:eu-west-1:123456789012:service/storefront-prod/storefront-web',
      ]);
      const td = await client.send(
        new DescribeTaskDefinitionCommand({
          taskDefinition: 'storefront-web',
          include: ['TAGS'],
        }),
      );
      expect(td.taskDefinition?.revision).toBe(42);
      expect(
        td.taskDefinition?.containerDefinitions?.[0].linuxParameters?.tmpfs,
      ).toHaveLength(3);
      expect(td.tags).toEqual([
        { key: 'team', value: 'storefront' },
        { key: 'component', value: 'storefront-web' },
      ]);
    } finally {
      server.close();
    }
  });

  it('names the file when it is not a task definition', () => {
    const fs = require('node:fs');
    const os = require('node:os');
    const path = require('node:path');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sim-fleet-'));
    fs.writeFileSync(path.join(dir, 'broken.json'), '{"hello": 1}');
    expect(() => loadFleetFromDirectory(dir)).toThrow(
      /broken\.json: not a task definition/,
    );
    expect(() => loadFleetFromDirectory(path.join(dir, 'missing'))).toThrow(
      /does not exist/,
    );
  });
});
