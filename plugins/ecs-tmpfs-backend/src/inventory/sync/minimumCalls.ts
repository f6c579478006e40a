import {
  DESCRIBE_CLUSTERS_BATCH,
  DESCRIBE_SERVICES_BATCH,
  GET_METRIC_DATA_DATAPOINTS,
  GET_METRIC_DATA_QUERIES,
  LIST_CLUSTERS_PAGE,
  LIST_SERVICES_PAGE,
} from './limits';

/** What one account × Region holds, as far as the call count depends on it. */
export interface TargetShape {
  /** services per cluster */
  clusters: { services: number; containerInsights: boolean }[];
  /** task-definition revisions referenced by services and not stored yet */
  unknownRevisions: number;
  /** datapoints CloudWatch plans per query (periods in the window) */
  periodsPerQuery: number;
  /**
   * services (in all clusters) that publish no memory metric: their queries cost no
   * datapoints, only query slots
   */
  servicesWithoutMetrics?: { containerInsights: boolean }[];
}

/**
 * The fewest calls the API limits allow for one sync of one target: used by tests and the
 * benchmark to check the sync makes exactly these.
 */
export function minimumCalls(shape: TargetShape): Record<string, number> {
  const ceil = (a: number, b: number) => Math.ceil(a / b);
  const queries = shape.clusters.reduce(
    (sum, c) => sum + c.services * (c.containerInsights ? 3 : 1),
    0,
  );
  const emptyQueries = (shape.servicesWithoutMetrics ?? []).reduce(
    (sum, s) => sum + (s.containerInsights ? 3 : 1),
    0,
  );
  // A lower bound no batching can beat: the query limit and the datapoint limit per call.
  const getMetricData = Math.max(
    ceil(queries, GET_METRIC_DATA_QUERIES),
    ceil(
      (queries - emptyQueries) * shape.periodsPerQuery,
      GET_METRIC_DATA_DATAPOINTS,
    ),
  );
  const counts: Record<string, number> = {
    ListClusters: Math.max(1, ceil(shape.clusters.length, LIST_CLUSTERS_PAGE)),
    DescribeClusters: ceil(shape.clusters.length, DESCRIBE_CLUSTERS_BATCH),
    ListServices: shape.clusters.reduce(
      (sum, c) => sum + Math.max(1, ceil(c.services, LIST_SERVICES_PAGE)),
      0,
    ),
    DescribeServices: shape.clusters.reduce(
      (sum, c) => sum + ceil(c.services, DESCRIBE_SERVICES_BATCH),
      0,
    ),
    DescribeTaskDefinition: shape.unknownRevisions,
    GetMetricData: getMetricData,
  };
  return Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
}
