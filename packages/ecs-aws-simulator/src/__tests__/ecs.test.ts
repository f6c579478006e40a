import {
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  ListClustersCommand,
  ListServicesCommand,
  ListTaskDefinitionsCommand,
  RegisterTaskDefinitionCommand,
  paginateListServices,
} from '@aws-sdk/client-ecs';
import { setupServer } from 'msw/node';
import { AwsSimulator } from '../AwsSimulator';
import { generateFleet } from '../fleet/generateFleet';
import { createMswHandlers } from '../msw';
import { ecsClient } from '../__testUtils__/clients';

const sim = new AwsSimulator({
  fleet: generateFleet({ clusters: 8, services: 200, seed: 7 }),
});
const server = setupServer(...createMswHandlers(sim));

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  sim.resetCalls();
  sim.faults = {
    ...sim.faults,
    throttleRate: 0,
    deniedAccounts: [],
    deniedRegions: [],
    timeoutRegions: [],
  };
});

async function allServiceArns(cluster: string, pageSize?: number) {
  const arns: string[] = [];
  for await (const page of paginateListServices(
    { client: ecsClient(), pageSize },
    { cluster },
  )) {
    arns.push(...(page.serviceArns ?? []));
  }
  return arns;
}

describe('ECS over JSON 1.1', () => {
  it('pages ListClusters with maxResults and nextToken', async () => {
    const client = ecsClient();
    const first = await client.send(new ListClustersCommand({ maxResults: 1 }));
    expect(first.clusterArns).toHaveLength(1);
    expect(first.nextToken).toBeDefined();
    const second = await client.send(
      new ListClustersCommand({ maxResults: 1, nextToken: first.nextToken }),
    );
    expect(second.clusterArns).toHaveLength(1);
    expect(second.clusterArns![0]).not.toBe(first.clusterArns![0]);
    expect(second.nextToken).toBeUndefined();
    expect(first.clusterArns![0]).toMatch(
      /^arn:aws:ecs:us-east-1:111111111111:cluster\//,
    );
  });

  it('returns 10 services per ListServices page by default and at most 100', async () => {
    const client = ecsClient();
    const { clusterArns } = await client.send(new ListClustersCommand({}));
    const cluster = clusterArns![0];
    const first = await client.send(new ListServicesCommand({ cluster }));
    expect(first.serviceArns).toHaveLength(10);
    expect(first.nextToken).toBeDefined();

    const all = await allServiceArns(cluster);
    expect(all).toHaveLength(25);
    expect(new Set(all).size).toBe(25);
    expect(sim.callCounts().ListServices).toBe(1 + 3);

    await expect(
      client.send(new ListServicesCommand({ cluster, maxResults: 101 })),
    ).rejects.toMatchObject({ name: 'InvalidParameterException' });
    await expect(
      client.send(new ListServicesCommand({ cluster, nextToken: 'bogus' })),
    ).rejects.toMatchObject({ name: 'InvalidParameterException' });
    await expect(
      client.send(new ListServicesCommand({ cluster: 'no-such-cluster' })),
    ).rejects.toMatchObject({ name: 'ClusterNotFoundException' });
  });

  it('describes at most 10 services a call, with tags, and reports missing ones', async () => {
    const client = ecsClient();
    const { clusterArns } = await client.send(new ListClustersCommand({}));
    const arns = await allServiceArns(clusterArns![0], 100);

    const described = await client.send(
      new DescribeServicesCommand({
        cluster: clusterArns![0],
        services: [...arns.slice(0, 9), 'not-a-service'],
        include: ['TAGS'],
      }),
    );
    expect(described.services).toHaveLength(9);
    expect(described.failures).toEqual([
      {
        arn: `${clusterArns![0].replace(
          ':cluster/',
          ':service/',
        )}/not-a-service`,
        reason: 'MISSING',
      },
    ]);
    const service = described.services![0];
    expect(service.createdAt).toBeInstanceOf(Date);
    expect(service.taskDefinition).toMatch(/:task-definition\/[\w-]+:\d+$/);
    expect(service.tags?.map(t => t.key)).toEqual(
      expect.arrayContaining(['team', 'component']),
    );

    const untagged = await client.send(
      new DescribeServicesCommand({
        cluster: clusterArns![0],
        services: arns.slice(0, 1),
      }),
    );
    expect(untagged.services![0].tags).toBeUndefined();

    await expect(
      client.send(
        new DescribeServicesCommand({
          cluster: clusterArns![0],
          services: arns.slice(0, 11),
        }),
      ),
    ).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: expect.stringContaining('at most 10'),
    });
  });

  it('describes task definitions by ARN, family and family:revision', async () => {
    const client = ecsClient();
    const { clusterArns } = await client.send(new ListClustersCommand({}));
    const [arn] = await allServiceArns(clusterArns![0]);
    const { services } = await client.send(
      new DescribeServicesCommand({
        cluster: clusterArns![0],
        services: [arn],
      }),
    );
    const tdArn = services![0].taskDefinition!;
    const byArn = await client.send(
      new DescribeTaskDefinitionCommand({
        taskDefinition: tdArn,
        include: ['TAGS'],
      }),
    );
    expect(byArn.taskDefinition?.taskDefinitionArn).toBe(tdArn);
    expect(byArn.tags?.length).toBeGreaterThan(0);
    const family = byArn.taskDefinition!.family!;
    const byFamily = await client.send(
      new DescribeTaskDefinitionCommand({ taskDefinition: family }),
    );
    expect(byFamily.taskDefinition?.revision).toBe(
      byArn.taskDefinition?.revision,
    );
    expect(byFamily.tags).toBeUndefined();
    await expect(
      client.send(
        new DescribeTaskDefinitionCommand({ taskDefinition: `${family}:999` }),
      ),
    ).rejects.toMatchObject({ name: 'ClientException' });
    // another account cannot read it
    await expect(
      ecsClient({ accountId: '222222222222' }).send(
        new DescribeTaskDefinitionCommand({ taskDefinition: tdArn }),
      ),
    ).rejects.toMatchObject({ name: 'ClientException' });
  });

  it('registers a new revision that keeps every field and its tags', async () => {
    const client = ecsClient({ region: 'eu-west-1' });
    const { taskDefinitionArns } = await client.send(
      new ListTaskDefinitionsCommand({ sort: 'DESC' }),
    );
    const latest = await client.send(
      new DescribeTaskDefinitionCommand({
        taskDefinition: taskDefinitionArns![0],
        include: ['TAGS'],
      }),
    );
    const {
      taskDefinitionArn,
      revision,
      status,
      requiresAttributes,
      compatibilities,
      registeredAt,
      registeredBy,
      deregisteredAt,
      ...input
    } = latest.taskDefinition!;
    input.containerDefinitions![0].linuxParameters = {
      ...input.containerDefinitions![0].linuxParameters,
      tmpfs: [
        {
          containerPath: '/scratch',
          size: 64,
          mountOptions: ['noexec', 'nosuid', 'nodev'],
        },
      ],
    };
    const registered = await client.send(
      new RegisterTaskDefinitionCommand({
        ...(input as any),
        tags: [{ key: 'team', value: 'payments' }],
      }),
    );
    const family = input.family!;
    const familyRevisions = taskDefinitionArns!.filter(a =>
      a.includes(`/${family}:`),
    );
    expect(registered.taskDefinition?.revision).toBe(
      Math.max(...familyRevisions.map(a => Number(a.split(':').pop()))) + 1,
    );
    expect(registered.taskDefinition?.taskDefinitionArn).toBe(
      `arn:aws:ecs:eu-west-1:111111111111:task-definition/${family}:${registered.taskDefinition?.revision}`,
    );
    expect(registered.tags).toEqual([{ key: 'team', value: 'payments' }]);

    const roundTrip = await client.send(
      new DescribeTaskDefinitionCommand({
        taskDefinition: family,
        include: ['TAGS'],
      }),
    );
    expect(roundTrip.taskDefinition?.revision).toBe(
      registered.taskDefinition?.revision,
    );
    expect(roundTrip.tags).toEqual([{ key: 'team', value: 'payments' }]);
    expect(roundTrip.taskDefinition?.registeredAt).toBeInstanceOf(Date);
    const {
      taskDefinitionArn: _a,
      revision: _r,
      registeredAt: _t,
      registeredBy: _b,
      ...kept
    } = roundTrip.taskDefinition!;
    expect(kept).toEqual(
      expect.objectContaining({ ...input, status: 'ACTIVE' }),
    );
    expect(kept.containerDefinitions![0].linuxParameters?.tmpfs).toEqual([
      {
        containerPath: '/scratch',
        size: 64,
        mountOptions: ['noexec', 'nosuid', 'nodev'],
      },
    ]);
  });

  it('rejects what the ECS API rejects on register', async () => {
    const client = ecsClient();
    await expect(
      client.send(
        new RegisterTaskDefinitionCommand({
          family: 'bad-size',
          requiresCompatibilities: ['FARGATE'],
          networkMode: 'awsvpc',
          cpu: '512',
          memory: '512',
          containerDefinitions: [{ name: 'app', image: 'nginx' }],
        }),
      ),
    ).rejects.toMatchObject({
      name: 'ClientException',
      message: expect.stringContaining('512 CPU, 512 memory'),
    });
    await expect(
      client.send(
        new RegisterTaskDefinitionCommand({
          family: 'zero-tmpfs',
          containerDefinitions: [
            {
              name: 'app',
              image: 'nginx',
              memory: 256,
              linuxParameters: { tmpfs: [{ containerPath: '/tmp', size: 0 }] },
            },
          ],
        }),
      ),
    ).rejects.toMatchObject({
      name: 'ClientException',
      message: expect.stringContaining('tmpfs size'),
    });
  });

  it('forgets a deleted service', async () => {
    const client = ecsClient();
    const { clusterArns } = await client.send(new ListClustersCommand({}));
    const before = await allServiceArns(clusterArns![0], 100);
    sim.deleteService(before[3]);
    const after = await allServiceArns(clusterArns![0], 100);
    expect(after).toHaveLength(before.length - 1);
    expect(after).not.toContain(before[3]);
    const described = await client.send(
      new DescribeServicesCommand({
        cluster: clusterArns![0],
        services: [before[3]],
      }),
    );
    expect(described.failures).toEqual([{ arn: before[3], reason: 'MISSING' }]);
    expect(() => sim.deleteService(before[3])).toThrow(/No service/);
  });
});
