import { GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import {
  DescribeServicesCommand,
  ListClustersCommand,
  ListServicesCommand,
  RegisterTaskDefinitionCommand,
} from '@aws-sdk/client-ecs';
import { AwsSimulator } from '../AwsSimulator';
import { generateFleet } from '../fleet/generateFleet';
import { SimulatorServer, startSimulatorServer } from '../server';
import { cloudWatchClient, ecsClient } from '../__testUtils__/clients';

const sim = new AwsSimulator({
  fleet: generateFleet({ clusters: 4, services: 12 }),
});
let server: SimulatorServer;

beforeAll(async () => {
  server = await startSimulatorServer(sim, { port: 0 });
});
afterAll(() => server.close());

async function post(path: string, body: unknown) {
  const res = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

describe('startSimulatorServer', () => {
  it('serves ECS and CloudWatch to the real SDK clients at one endpoint', async () => {
    const ecs = ecsClient({ endpoint: server.url });
    const { clusterArns } = await ecs.send(new ListClustersCommand({}));
    const { serviceArns } = await ecs.send(
      new ListServicesCommand({ cluster: clusterArns![0] }),
    );
    const { services } = await ecs.send(
      new DescribeServicesCommand({
        cluster: clusterArns![0],
        services: serviceArns,
      }),
    );
    expect(services).toHaveLength(3);
    const res = await cloudWatchClient({ endpoint: server.url }).send(
      new GetMetricDataCommand({
        StartTime: new Date(Date.now() - 3_600_000),
        EndTime: new Date(),
        MetricDataQueries: [
          {
            Id: 'm',
            MetricStat: {
              Metric: {
                Namespace: 'AWS/ECS',
                MetricName: 'MemoryUtilization',
                Dimensions: [
                  {
                    Name: 'ClusterName',
                    Value: services![0].clusterArn!.split('/')[1],
                  },
                  { Name: 'ServiceName', Value: services![0].serviceName! },
                ],
              },
              Period: 60,
              Stat: 'Maximum',
            },
          },
        ],
      }),
    );
    expect(res.MetricDataResults![0].StatusCode).toBe('Complete');
    const calls = await (await fetch(`${server.url}/_simulator/calls`)).json();
    expect(calls.counts).toEqual({
      ListClusters: 1,
      ListServices: 1,
      DescribeServices: 1,
      GetMetricData: 1,
    });
  });

  it('changes faults through the control API and validates them', async () => {
    expect(
      await post('/_simulator/faults', { deniedRegions: ['us-east-1'] }),
    ).toMatchObject({
      status: 200,
      body: { deniedRegions: ['us-east-1'], throttleRate: 0 },
    });
    await expect(
      ecsClient({ endpoint: server.url }).send(new ListClustersCommand({})),
    ).rejects.toMatchObject({ name: 'AccessDeniedException' });
    await post('/_simulator/faults', { deniedRegions: [] });

    expect(await post('/_simulator/faults', { throttleRate: 'lots' })).toEqual({
      status: 400,
      body: { error: 'throttleRate must be a number from 0 to 1, got "lots"' },
    });
    expect((await post('/_simulator/faults', { flakiness: 1 })).status).toBe(
      400,
    );
  });

  it('deletes services and resets calls through the control API', async () => {
    const ecs = ecsClient({ endpoint: server.url });
    const { clusterArns } = await ecs.send(new ListClustersCommand({}));
    const before = await ecs.send(
      new ListServicesCommand({ cluster: clusterArns![0] }),
    );
    expect(
      await post('/_simulator/services/delete', {
        serviceArn: before.serviceArns![0],
      }),
    ).toEqual({ status: 200, body: { deleted: before.serviceArns![0] } });
    const after = await ecs.send(
      new ListServicesCommand({ cluster: clusterArns![0] }),
    );
    expect(after.serviceArns).toEqual(before.serviceArns!.slice(1));
    expect(
      (
        await post('/_simulator/services/delete', {
          serviceArn: before.serviceArns![0],
        })
      ).status,
    ).toBe(404);
    expect((await post('/_simulator/services/delete', {})).status).toBe(400);

    await post('/_simulator/reset-calls', {});
    const health = await (
      await fetch(`${server.url}/_simulator/health`)
    ).json();
    expect(health).toEqual({ status: 'ok', services: 11 });
    expect(sim.calls).toEqual([]);
  });

  it('deploys a registered revision to a service through the control API', async () => {
    const ecs = ecsClient({ endpoint: server.url });
    const { clusterArns } = await ecs.send(new ListClustersCommand({}));
    const cluster = clusterArns![0];
    const { serviceArns } = await ecs.send(
      new ListServicesCommand({ cluster }),
    );
    const describe = async () =>
      (
        await ecs.send(
          new DescribeServicesCommand({ cluster, services: [serviceArns![0]] }),
        )
      ).services![0].taskDefinition;
    const { taskDefinition } = await ecs.send(
      new RegisterTaskDefinitionCommand({
        family: 'deployed-by-test',
        containerDefinitions: [{ name: 'app', image: 'app:1', memory: 256 }],
      }),
    );

    expect(
      await post('/_simulator/services/deploy', {
        serviceArn: serviceArns![0],
        taskDefinitionArn: taskDefinition!.taskDefinitionArn,
      }),
    ).toEqual({
      status: 200,
      body: {
        serviceArn: serviceArns![0],
        taskDefinitionArn: taskDefinition!.taskDefinitionArn,
      },
    });
    expect(await describe()).toBe(taskDefinition!.taskDefinitionArn);
    expect(
      (
        await post('/_simulator/services/deploy', {
          serviceArn: serviceArns![0],
          taskDefinitionArn: `${taskDefinition!.taskDefinitionArn}0`,
        })
      ).status,
    ).toBe(404);
    expect(
      (await post('/_simulator/services/deploy', { serviceArn: 'x' })).status,
    ).toBe(400);
  });

  it('answers a request with no SigV4 signature with an AWS error', async () => {
    const res = await fetch(server.url, {
      method: 'POST',
      headers: {
        'x-amz-target': 'AmazonEC2ContainerServiceV20141113.ListClusters',
        'content-type': 'application/x-amz-json-1.1',
      },
      body: '{}',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      __type: 'MissingAuthenticationTokenException',
    });
  });
});
