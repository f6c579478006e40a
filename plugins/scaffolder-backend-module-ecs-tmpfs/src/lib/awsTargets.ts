import type { ECSClient } from '@aws-sdk/client-ecs';
import { NotAllowedError } from '@backstage/errors';
import type {
  AwsClientFactory,
  EcsTmpfsTarget,
} from '@internal/plugin-ecs-tmpfs-node';

/**
 * The scaffolder acts only on the account × Region pairs the backend is configured for
 * (`ecsTmpfs.targets`), so a template cannot reach an account through the main account's
 * default credentials just because someone pasted its ARN.
 */
export async function ecsClientFor(
  clients: AwsClientFactory,
  target: EcsTmpfsTarget,
  origin: string,
): Promise<ECSClient> {
  const configured = clients.targets();
  const match = configured.some(
    t => t.accountId === target.accountId && t.region === target.region,
  );
  if (!match) {
    const known = configured.map(t => `${t.accountId}/${t.region}`).join(', ');
    throw new NotAllowedError(
      `Account ${target.accountId} in Region ${
        target.region
      } (from ${origin}) is not configured in ecsTmpfs.targets; configured: ${
        known || 'none'
      }`,
    );
  }
  return clients.ecs(target);
}
