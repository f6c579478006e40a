import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { ECSClient } from '@aws-sdk/client-ecs';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { InputError, NotAllowedError } from '@backstage/errors';
import {
  AwsCredentialsManager,
  DefaultAwsCredentialsManager,
} from '@backstage/integration-aws-node';
import type {
  AwsCallRecorder,
  AwsClientFactory,
  AwsClientOptions,
  EcsTmpfsTarget,
} from './aws';

/**
 * ECS allows 20 sustained reads a second per account and Region; the adaptive mode's client-side
 * rate limiter slows down once throttled, and 8 attempts ride out a long burst.
 */
const MAX_ATTEMPTS = 8;

const ACCOUNT_ID = /^\d{12}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/** @public */
export interface DefaultAwsClientFactoryOptions {
  logger: LoggerService;
  /** defaults to one built from the same config (`aws.mainAccount`, `aws.accounts`) */
  credentialsManager?: AwsCredentialsManager;
}

interface ClientSettings {
  targets: EcsTmpfsTarget[];
  endpoints: { ecs?: string; cloudwatch?: string };
}

/** Reads `ecsTmpfs.targets` and `ecsTmpfs.endpoints`, naming the bad key on invalid input. */
export function readAwsClientSettings(config: Config): ClientSettings {
  const targets: EcsTmpfsTarget[] = [];
  const seen = new Set<string>();
  const entries = config.getOptionalConfigArray('ecsTmpfs.targets') ?? [];
  entries.forEach((entry, i) => {
    const accountId = entry.getString('accountId');
    if (!ACCOUNT_ID.test(accountId)) {
      throw new InputError(
        `ecsTmpfs.targets[${i}].accountId must be a 12-digit AWS account id, got '${accountId}'`,
      );
    }
    for (const region of entry.getStringArray('regions')) {
      if (!REGION.test(region)) {
        throw new InputError(
          `ecsTmpfs.targets[${i}].regions has an invalid AWS Region '${region}'`,
        );
      }
      const key = `${accountId}/${region}`;
      if (!seen.has(key)) {
        seen.add(key);
        targets.push({ accountId, region });
      }
    }
  });
  return {
    targets,
    endpoints: {
      ecs: config.getOptionalString('ecsTmpfs.endpoints.ecs'),
      cloudwatch: config.getOptionalString('ecsTmpfs.endpoints.cloudwatch'),
    },
  };
}

type AnyClient = ECSClient | CloudWatchClient;

/**
 * Reports each operation once, after the SDK's retry loop: `$metadata.attempts` on the output
 * or the error says how many HTTP requests it took.
 */
function addCallRecorder(
  client: AnyClient,
  service: 'ecs' | 'cloudwatch',
  recorder: AwsCallRecorder,
) {
  (client.middlewareStack as ECSClient['middlewareStack']).add(
    (next, context) => async args => {
      const operation = String(context.commandName ?? 'Unknown').replace(
        /Command$/,
        '',
      );
      try {
        const result = await next(args);
        const meta = (result.output as { $metadata?: { attempts?: number } })
          .$metadata;
        recorder({
          service,
          operation,
          attempts: meta?.attempts ?? 1,
          ok: true,
        });
        return result;
      } catch (error) {
        const err = error as {
          name?: string;
          $metadata?: { attempts?: number };
        };
        recorder({
          service,
          operation,
          attempts: err.$metadata?.attempts ?? 1,
          ok: false,
          errorName: err.name,
        });
        throw error;
      }
    },
    { step: 'initialize', name: 'ecsTmpfsCallRecorder', override: true },
  );
}

/**
 * Builds ECS and CloudWatch clients per account × Region: credentials from
 * `@backstage/integration-aws-node`, endpoints from `ecsTmpfs.endpoints` (`{region}` replaced),
 * adaptive retry for throttling.
 * @public
 */
export class DefaultAwsClientFactory implements AwsClientFactory {
  static fromConfig(
    config: Config,
    options: DefaultAwsClientFactoryOptions,
  ): DefaultAwsClientFactory {
    return new DefaultAwsClientFactory(
      readAwsClientSettings(config),
      options.credentialsManager ??
        DefaultAwsCredentialsManager.fromConfig(config),
      options.logger,
    );
  }

  private constructor(
    private readonly settings: ClientSettings,
    private readonly credentialsManager: AwsCredentialsManager,
    private readonly logger: LoggerService,
  ) {}

  targets(): EcsTmpfsTarget[] {
    return this.settings.targets.map(t => ({ ...t }));
  }

  async ecs(
    target: EcsTmpfsTarget,
    options?: AwsClientOptions,
  ): Promise<ECSClient> {
    const client = new ECSClient(await this.clientConfig(target, 'ecs'));
    if (options?.recorder) addCallRecorder(client, 'ecs', options.recorder);
    return client;
  }

  async cloudWatch(
    target: EcsTmpfsTarget,
    options?: AwsClientOptions,
  ): Promise<CloudWatchClient> {
    const client = new CloudWatchClient(
      await this.clientConfig(target, 'cloudwatch'),
    );
    if (options?.recorder) {
      addCallRecorder(client, 'cloudwatch', options.recorder);
    }
    return client;
  }

  private async clientConfig(
    target: EcsTmpfsTarget,
    service: 'ecs' | 'cloudwatch',
  ) {
    if (!ACCOUNT_ID.test(target.accountId)) {
      throw new InputError(
        `accountId must be a 12-digit AWS account id, got '${target.accountId}'`,
      );
    }
    if (!REGION.test(target.region)) {
      throw new InputError(`Invalid AWS Region '${target.region}'`);
    }
    let credentials;
    try {
      credentials = await this.credentialsManager.getCredentialProvider({
        accountId: target.accountId,
      });
    } catch (error) {
      this.logger.warn(
        `No AWS credentials for account ${target.accountId}: ${error}`,
      );
      throw new NotAllowedError(
        `AWS account ${target.accountId} is not configured in aws.accounts or aws.mainAccount`,
      );
    }
    const endpoint = this.settings.endpoints[service]?.replace(
      /\{region\}/g,
      target.region,
    );
    return {
      region: target.region,
      credentials: credentials.sdkCredentialProvider,
      retryMode: 'adaptive',
      maxAttempts: MAX_ATTEMPTS,
      ...(endpoint ? { endpoint } : {}),
    };
  }
}
