/** Request limits of the ECS and CloudWatch read APIs (ecs-domain-facts.md). */
export const LIST_CLUSTERS_PAGE = 100;
export const LIST_SERVICES_PAGE = 100;
export const DESCRIBE_CLUSTERS_BATCH = 100;
export const DESCRIBE_SERVICES_BATCH = 10;
export const GET_METRIC_DATA_QUERIES = 500;
export const GET_METRIC_DATA_DATAPOINTS = 100_800;

/**
 * Parallel requests per account × Region. ECS sustains 20 reads a second per bucket; a few
 * concurrent requests keep high-latency links busy while adaptive retry backs off on throttling.
 */
export const ECS_CONCURRENCY = 6;

/** Largest number of points a memory chart is served with. */
export const MAX_CHART_POINTS = 400;

/**
 * Queries per GetMetricData call that need the fewest calls: CloudWatch splits an answer into
 * pages of 100,800 datapoints, and a page never spans two calls, so a batch should fill its
 * pages. Picks the batch (≤ 500 queries) with the most queries per page it costs.
 */
export function metricBatchSize(periodsPerQuery: number): number {
  const p = Math.max(1, periodsPerQuery);
  if (GET_METRIC_DATA_QUERIES * p <= GET_METRIC_DATA_DATAPOINTS) {
    return GET_METRIC_DATA_QUERIES;
  }
  let best = { size: 1, perCall: 0 };
  const maxPages = Math.ceil(
    (GET_METRIC_DATA_QUERIES * p) / GET_METRIC_DATA_DATAPOINTS,
  );
  for (let pages = 1; pages <= maxPages; pages++) {
    const size = Math.max(
      1,
      Math.min(
        GET_METRIC_DATA_QUERIES,
        Math.floor((pages * GET_METRIC_DATA_DATAPOINTS) / p),
      ),
    );
    const perCall = size / Math.ceil((size * p) / GET_METRIC_DATA_DATAPOINTS);
    if (
      perCall > best.perCall ||
      (perCall === best.perCall && size > best.size)
    ) {
      best = { size, perCall };
    }
  }
  return best.size;
}
