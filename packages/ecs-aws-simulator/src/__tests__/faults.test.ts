import { GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { ListClustersCommand } from '@aws-sdk/client-ecs';
import { setupServer } from 'msw/node';
import { AwsSimulator } from '../AwsSimulator';
import { generateFleet } from '../fleet/generateFleet';
import { createMswHandlers } from '../msw';
import { cloudWatchClient, ecsClient } from '../__testUtils__/clients';

const sim = new AwsSimulator({
  fleet: generateFleet({ clusters: 4, services: 20 }),
  hangLimitMs: 5_000,
});
const server = setupServer(...createMswHandlers(sim));

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  sim.resetCalls();
  sim.faults = {
    throttleRate: 0,
    deniedAccounts: [],
    deniedRegions: [],
    timeoutRegions: [],
    latencyMs: 0,
  };
});

describe('fault injection', () => {
  it('throttles a fraction of calls and the SDK retry recovers', async () => {
    sim.faults.throttleRate = 0.5;
    const client = ecsClient();
    for (let i = 0; i < 10; i++) {
      const res = await client.send(new ListClustersCommand({}));
      expect(res.clusterArns).toHaveLength(1);
    }
    const outcomes = sim.calls.map(c => c.outcome);
    expect(outcomes.filter(o => o === 'ok')).toHaveLength(10);
    expect(outcomes.filter(o => o === 'throttled').length).toBeGreaterThan(2);
  }, 30_000);

  it('surfaces ThrottlingException when retries are off', async () => {
    sim.faults.throttleRate = 1;
    await expect(
      ecsClient({ maxAttempts: 1 }).send(new ListClustersCommand({})),
    ).rejects.toMatchObject({
      name: 'ThrottlingException',
      message: 'Rate exceeded',
    });
    await expect(
      cloudWatchClient({ maxAttempts: 1 }).send(
        new GetMetricDataCommand({
          StartTime: new Date(Date.now() - 3_600_000),
          EndTime: new Date(),
          MetricDataQueries: [{ Id: 'a', Expression: 'SELECT 1' }],
        }),
      ),
    ).rejects.toMatchObject({
      name: 'ThrottlingException',
      $metadata: expect.objectContaining({ httpStatusCode: 400 }),
    });
  });

  it('denies one account while another works', async () => {
    sim.faults.deniedAccounts = ['222222222222'];
    await expect(
      ecsClient({ accountId: '222222222222' }).send(
        new ListClustersCommand({}),
      ),
    ).rejects.toMatchObject({
      name: 'AccessDeniedException',
      $metadata: expect.objectContaining({ httpStatusCode: 400 }),
    });
    await expect(
      cloudWatchClient({ accountId: '222222222222' }).send(
        new GetMetricDataCommand({
          StartTime: new Date(Date.now() - 3_600_000),
          EndTime: new Date(),
          MetricDataQueries: [{ Id: 'a', Expression: 'SELECT 1' }],
        }),
      ),
    ).rejects.toMatchObject({ name: 'AccessDeniedException' });
    const ok = await ecsClient({ accountId: '111111111111' }).send(
      new ListClustersCommand({}),
    );
    expect(ok.clusterArns).toHaveLength(1);
    expect(sim.calls.map(c => [c.accountId, c.outcome])).toEqual([
      ['222222222222', 'denied'],
      ['222222222222', 'denied'],
      ['111111111111', 'ok'],
    ]);
  });

  it('rejects keys that are not simulator keys', async () => {
    const client = ecsClient();
    const foreign = new (client.constructor as any)({
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'x' },
    });
    await expect(
      foreign.send(new ListClustersCommand({})),
    ).rejects.toMatchObject({
      name: 'UnrecognizedClientException',
    });
  });

  it('hangs calls to a timeout Region until the client gives up', async () => {
    sim.faults.timeoutRegions = ['eu-west-1'];
    const started = Date.now();
    await expect(
      ecsClient({ region: 'eu-west-1', maxAttempts: 1 }).send(
        new ListClustersCommand({}),
        {
          abortSignal: AbortSignal.timeout(300),
        },
      ),
    ).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(sim.calls[0]).toMatchObject({
      region: 'eu-west-1',
      outcome: 'timeout',
    });
    const other = await ecsClient({ region: 'us-east-1' }).send(
      new ListClustersCommand({}),
    );
    expect(other.clusterArns).toHaveLength(1);
  });

  it('adds the configured latency', async () => {
    sim.faults.latencyMs = 150;
    const started = Date.now();
    await ecsClient().send(new ListClustersCommand({}));
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('throttles with per account × Region token buckets when asked', async () => {
    const limited = new AwsSimulator({ fleet: sim.fleet, rateLimits: true });
    const statuses: Array<{ status: number; type?: string }> = [];
    for (let i = 0; i < 60; i++) {
      const res = await limited.handle({
        method: 'POST',
        url: 'https://ecs.us-east-1.amazonaws.com/',
        headers: {
          'x-amz-target': 'AmazonEC2ContainerServiceV20141113.ListClusters',
          authorization:
            'AWS4-HMAC-SHA256 Credential=SIMULATOR111111111111/20261203/us-east-1/ecs/aws4_request, SignedHeaders=host, Signature=0',
        },
        body: '{}',
      });
      statuses.push({ status: res.status, type: JSON.parse(res.body).__type });
    }
    const throttled = statuses.flatMap((s, i) => (s.status === 400 ? [i] : []));
    expect(new Set(throttled.map(i => statuses[i].type))).toEqual(
      new Set(['ThrottlingException']),
    );
    // burst of 50 (refilling at 20/s while the loop runs)
    expect(throttled.length).toBeGreaterThan(0);
    expect(throttled[0]).toBeGreaterThanOrEqual(50);
  });
});
