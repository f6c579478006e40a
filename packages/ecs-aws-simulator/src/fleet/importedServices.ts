import { SeededRandom, hashString } from '../random';
import { parseEcsArn } from './arns';
import { FleetBuilder } from './builder';
import { HeadroomSituation, memoryProfileFor } from './memoryProfile';
import { launchTypeOf, taskMemoryMiB, tmpfsTotalMiB } from './taskDefinitions';
import { TaskDefinitionFile } from './taskDefinitionFiles';
import { SimService, SimTag } from './types';

const DAY_MS = 86_400_000;

function tagValue(tags: SimTag[], key: string) {
  return tags.find(t => t.key === key)?.value;
}

/**
 * Moves a task definition into another account and Region, rewriting the account id and Region
 * wherever they appear (ARNs, image URIs, log settings) so the copy is self-consistent.
 */
export function rehomeTaskDefinition(
  td: Record<string, unknown>,
  accountId: string,
  region: string,
): Record<string, unknown> {
  const arn = parseEcsArn(String(td.taskDefinitionArn ?? ''));
  let text = JSON.stringify(td);
  if (arn) {
    text = text
      .split(arn.accountId)
      .join(accountId)
      .split(arn.region)
      .join(region);
  }
  return JSON.parse(text);
}

/** Runs a task definition file as a service: one per family, in a cluster named after its team. */
export function addServiceFromFile(
  builder: FleetBuilder,
  file: TaskDefinitionFile,
  opts: {
    accountId: string;
    region: string;
    registeredAt: number;
    clusterName?: string;
    situation?: HeadroomSituation;
    containerInsights?: boolean;
    hasMetrics?: boolean;
  },
): SimService {
  const td = file.taskDefinition;
  const family = String(td.family);
  const team = tagValue(file.tags, 'team');
  const tags: SimTag[] = [...file.tags];
  if (!tagValue(tags, 'component')) {
    tags.push({ key: 'component', value: family });
  }
  const registeredAt =
    typeof td.registeredAt === 'number'
      ? td.registeredAt * 1000
      : opts.registeredAt;
  const containerInsights = opts.containerInsights ?? true;
  const cluster = builder.cluster(
    opts.accountId,
    opts.region,
    opts.clusterName ?? (team ? `${team}-prod` : 'imported'),
    { containerInsights, tags: team ? [{ key: 'team', value: team }] : [] },
  );
  const arn = builder.registerTaskDefinition(
    opts.accountId,
    opts.region,
    td,
    file.tags,
    registeredAt,
  );
  const rng = new SeededRandom(
    hashString(`${opts.accountId}|${opts.region}|${family}`),
  );
  const desiredCount = rng.int(2, 4);
  return builder.addService(cluster, {
    serviceName: family,
    taskDefinition: arn,
    desiredCount,
    runningCount: desiredCount,
    launchType: launchTypeOf(td),
    tags,
    createdAt: registeredAt - 90 * DAY_MS,
    memory: memoryProfileFor(rng, {
      taskMemoryMiB: taskMemoryMiB(td) ?? 512,
      tmpfsMiB: tmpfsTotalMiB(td),
      situation: opts.situation ?? 'ok',
      containerInsights: cluster.containerInsights,
      hasMetrics: opts.hasMetrics ?? true,
    }),
  });
}
