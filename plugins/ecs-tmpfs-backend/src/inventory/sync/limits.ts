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
