import { FleetBuilder } from './builder';
import { parseEcsArn } from './arns';
import { DEMO_ACCOUNTS, DEMO_REGIONS, FLEET_EPOCH_MS } from './generateFleet';
import { addServiceFromFile } from './importedServices';
import { readTaskDefinitionFiles } from './taskDefinitionFiles';
import { Fleet } from './types';

/**
 * A fleet made of a team's own task definitions (files saved from
 * `aws ecs describe-task-definition`, `{ taskDefinition, tags }` or bare): one service per
 * file, in the account and Region of its ARN (the first demo account and Region when it has
 * none), in a cluster named after its `team` tag. Later revisions of a family replace earlier
 * ones as the deployed revision.
 * @public
 */
export function loadFleetFromDirectory(dir: string): Fleet {
  const builder = new FleetBuilder();
  const files = readTaskDefinitionFiles(dir).sort(
    (a, b) =>
      Number(a.taskDefinition.revision ?? 0) -
      Number(b.taskDefinition.revision ?? 0),
  );
  const services = new Map<string, ReturnType<typeof addServiceFromFile>>();
  for (const file of files) {
    const arn = parseEcsArn(
      String(file.taskDefinition.taskDefinitionArn ?? ''),
    );
    const accountId = arn?.accountId ?? DEMO_ACCOUNTS[0];
    const region = arn?.region ?? DEMO_REGIONS[0];
    const key = `${accountId}|${region}|${file.taskDefinition.family}`;
    const existing = services.get(key);
    if (existing) {
      existing.taskDefinition = builder.registerTaskDefinition(
        accountId,
        region,
        file.taskDefinition,
        file.tags,
        FLEET_EPOCH_MS,
      );
      continue;
    }
    services.set(
      key,
      addServiceFromFile(builder, file, {
        accountId,
        region,
        registeredAt: FLEET_EPOCH_MS,
      }),
    );
  }
  return builder.fleet;
}
