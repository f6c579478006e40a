import type { Fleet } from '@internal/ecs-aws-simulator';
import type { TargetShape } from '../sync/minimumCalls';

/**
 * The call-relevant shape of one simulated account × Region, as a client can plan it: it
 * cannot know which services publish no metrics, so every query counts its full datapoints.
 */
export function fleetShape(
  fleet: Fleet,
  accountId: string,
  region: string,
  opts: { storedRevisions: Set<string>; periodsPerQuery: number },
): TargetShape {
  const clusters = fleet.accounts[accountId].regions[region].clusters;
  const revisions = new Set(
    clusters.flatMap(c => c.services.map(s => s.taskDefinition)),
  );
  return {
    clusters: clusters.map(c => ({
      services: c.services.length,
      containerInsights: c.containerInsights,
    })),
    unknownRevisions: [...revisions].filter(
      arn => !opts.storedRevisions.has(arn),
    ).length,
    periodsPerQuery: opts.periodsPerQuery,
  };
}
