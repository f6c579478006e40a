import type { ECSClient } from '@aws-sdk/client-ecs';
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';

/** One account × Region the plugin scans (`ecsTmpfs.targets`). @public */
export interface EcsTmpfsTarget {
  accountId: string;
  region: string;
}

/**
 * Builds ECS and CloudWatch clients per account × Region from app-config: credentials from
 * `@backstage/integration-aws-node` (`aws.mainAccount`, `aws.accounts`), the endpoint override
 * from `ecsTmpfs.endpoints`, adaptive retry for `ThrottlingException`.
 * Implemented by the ingestion work (issue 5); the scaffolder module uses the same factory.
 * @public
 */
export interface AwsClientFactory {
  /** `ecsTmpfs.targets` flattened to account × Region pairs */
  targets(): EcsTmpfsTarget[];
  /** throws NotAllowedError when the account is not configured */
  ecs(target: EcsTmpfsTarget, options?: AwsClientOptions): Promise<ECSClient>;
  cloudWatch(
    target: EcsTmpfsTarget,
    options?: AwsClientOptions,
  ): Promise<CloudWatchClient>;
}

/**
 * One AWS operation as the SDK finished it: `attempts` counts every HTTP request it made
 * (retries included), so `attempts - 1` of them were retries.
 * @public
 */
export interface AwsCallRecord {
  service: 'ecs' | 'cloudwatch';
  operation: string;
  attempts: number;
  ok: boolean;
  /** the AWS error name when the operation failed after its retries */
  errorName?: string;
}

/** Receives one record per finished AWS operation. @public */
export type AwsCallRecorder = (record: AwsCallRecord) => void;

/** @public */
export interface AwsClientOptions {
  /** counts calls, e.g. for a sync run's API-call figures */
  recorder?: AwsCallRecorder;
}
