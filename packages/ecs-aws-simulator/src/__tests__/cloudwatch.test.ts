import {
  GetMetricDataCommand,
  MetricDataQuery,
} from '@aws-sdk/client-cloudwatch';
import { setupServer } from 'msw/node';
import { AwsSimulator } from '../AwsSimulator';
import { generateFleet } from '../fleet/generateFleet';
import { SimService } from '../fleet/types';
import { createMswHandlers } from '../msw';
import { cloudWatchClient } from '../__testUtils__/clients';

const NOW = new Date('2026-12-03T12:00:00Z');
const fleet = generateFleet({ clusters: 4, services: 60, seed: 11 });
const sim = new AwsSimulator({ fleet, now: () => NOW });
const server = setupServer(...createMswHandlers(sim));

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

// every service a caller in 111111111111 / us-east-1 can see
const services = fleet.accounts['111111111111'].regions[
  'us-east-1'
].clusters.flatMap(c => c.services);
// Container Insights is a cluster setting: make sure this account and Region has both kinds
fleet.accounts['111111111111'].regions['us-east-1'].clusters.forEach((c, i) =>
  c.services.forEach((s, j) => {
    s.memory.containerInsights = (i + j) % 2 === 0;
  }),
);

function query(
  id: string,
  service: SimService,
  opts: Partial<{
    namespace: string;
    metric: string;
    stat: string;
    period: number;
  }> = {},
): MetricDataQuery {
  return {
    Id: id,
    MetricStat: {
      Metric: {
        Namespace: opts.namespace ?? 'AWS/ECS',
        MetricName: opts.metric ?? 'MemoryUtilization',
        Dimensions: [
          { Name: 'ClusterName', Value: service.clusterName },
          { Name: 'ServiceName', Value: service.serviceName },
        ],
      },
      Period: opts.period ?? 300,
      Stat: opts.stat ?? 'Maximum',
    },
  };
}

const DAY = 86_400_000;

describe('CloudWatch GetMetricData (JSON 1.0, query compatible)', () => {
  it('returns Id, Label, Timestamps, Values and StatusCode per query', async () => {
    const withMetrics = services.find(
      s => s.memory.hasMetrics && s.memory.containerInsights,
    )!;
    const withoutMetrics = services.find(s => !s.memory.hasMetrics)!;
    const res = await cloudWatchClient().send(
      new GetMetricDataCommand({
        StartTime: new Date(NOW.getTime() - DAY),
        EndTime: NOW,
        MetricDataQueries: [
          { ...query('util', withMetrics), Label: 'peak %' },
          query('used', withMetrics, {
            namespace: 'ECS/ContainerInsights',
            metric: 'MemoryUtilized',
          }),
          query('none', withoutMetrics),
        ],
      }),
    );
    const [util, used, none] = res.MetricDataResults!;
    expect(util).toMatchObject({
      Id: 'util',
      Label: 'peak %',
      StatusCode: 'Complete',
    });
    expect(util.Timestamps).toHaveLength(288);
    expect(util.Values).toHaveLength(288);
    expect(util.Timestamps![0]).toEqual(new Date(NOW.getTime() - 300_000));
    expect(util.Timestamps![0].getTime()).toBeGreaterThan(
      util.Timestamps![1].getTime(),
    );
    for (const v of util.Values!) {
      expect(v).toBeGreaterThan(0);
      expect(v).toBeLessThan(100);
    }
    expect(used).toMatchObject({
      Id: 'used',
      Label: 'MemoryUtilized',
      StatusCode: 'Complete',
    });
    expect(Math.max(...used.Values!)).toBeGreaterThan(
      Math.min(...used.Values!),
    );
    expect(none).toMatchObject({
      Id: 'none',
      Timestamps: [],
      Values: [],
      StatusCode: 'Complete',
    });
    expect(res.NextToken).toBeUndefined();
  });

  it('has no Container Insights metrics where Container Insights is off', async () => {
    const plain = services.find(
      s => s.memory.hasMetrics && !s.memory.containerInsights,
    )!;
    const res = await cloudWatchClient().send(
      new GetMetricDataCommand({
        StartTime: new Date(NOW.getTime() - DAY),
        EndTime: NOW,
        MetricDataQueries: [
          query('util', plain),
          query('used', plain, {
            namespace: 'ECS/ContainerInsights',
            metric: 'MemoryUtilized',
          }),
        ],
      }),
    );
    expect(res.MetricDataResults![0].Values!.length).toBe(288);
    expect(res.MetricDataResults![1].Values).toEqual([]);
  });

  it('is deterministic: the same query gives the same values', async () => {
    const service = services.find(s => s.memory.hasMetrics)!;
    const input = {
      StartTime: new Date(NOW.getTime() - 3 * DAY),
      EndTime: NOW,
      MetricDataQueries: [
        query('a', service, { period: 3600, stat: 'Average' }),
      ],
    };
    const one = await cloudWatchClient().send(new GetMetricDataCommand(input));
    const two = await cloudWatchClient().send(new GetMetricDataCommand(input));
    expect(one.MetricDataResults![0].Values).toHaveLength(72);
    expect(one.MetricDataResults).toEqual(two.MetricDataResults);
  });

  it('pages with NextToken when the datapoint cap is hit', async () => {
    const service = services.find(s => s.memory.hasMetrics)!;
    const input = {
      StartTime: new Date(NOW.getTime() - DAY),
      EndTime: NOW,
      MaxDatapoints: 200,
      MetricDataQueries: [
        query('a', service),
        query('b', service, { stat: 'Average' }),
      ],
    };
    const client = cloudWatchClient();
    const pages = [];
    let NextToken: string | undefined;
    do {
      const res = await client.send(
        new GetMetricDataCommand({ ...input, NextToken }),
      );
      pages.push(res);
      NextToken = res.NextToken;
    } while (NextToken);
    expect(pages).toHaveLength(3);
    expect(pages[0].MetricDataResults).toEqual([
      expect.objectContaining({ Id: 'a', StatusCode: 'PartialData' }),
    ]);
    expect(pages[0].MetricDataResults![0].Values).toHaveLength(200);
    const a = pages.flatMap(p =>
      p.MetricDataResults!.filter(r => r.Id === 'a'),
    );
    const b = pages.flatMap(p =>
      p.MetricDataResults!.filter(r => r.Id === 'b'),
    );
    expect(a.flatMap(r => r.Values)).toHaveLength(288);
    expect(b.flatMap(r => r.Values)).toHaveLength(288);
    expect(b[b.length - 1].StatusCode).toBe('Complete');
    await expect(
      client.send(new GetMetricDataCommand({ ...input, NextToken: 'forged' })),
    ).rejects.toMatchObject({ name: 'InvalidNextToken' });
  });

  it('refuses more than 500 queries a call', async () => {
    const service = services[0];
    const queries = Array.from({ length: 501 }, (_, i) =>
      query(`q${i}`, service),
    );
    await expect(
      cloudWatchClient().send(
        new GetMetricDataCommand({
          StartTime: new Date(NOW.getTime() - DAY),
          EndTime: NOW,
          MetricDataQueries: queries,
        }),
      ),
    ).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining('greater than 500'),
      $metadata: expect.objectContaining({ httpStatusCode: 400 }),
    });
    const ok = await cloudWatchClient().send(
      new GetMetricDataCommand({
        StartTime: new Date(NOW.getTime() - 3_600_000),
        EndTime: NOW,
        MetricDataQueries: queries.slice(0, 500),
      }),
    );
    expect(ok.MetricDataResults).toHaveLength(500);
  });
});
