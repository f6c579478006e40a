import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { ECSClient } from '@aws-sdk/client-ecs';

export function credentialsFor(accountId: string) {
  return { accessKeyId: `SIMULATOR${accountId}`, secretAccessKey: 'x' };
}

export function ecsClient(
  opts: {
    accountId?: string;
    region?: string;
    endpoint?: string;
    maxAttempts?: number;
  } = {},
) {
  return new ECSClient({
    region: opts.region ?? 'us-east-1',
    credentials: credentialsFor(opts.accountId ?? '111111111111'),
    endpoint: opts.endpoint,
    maxAttempts: opts.maxAttempts,
  });
}

export function cloudWatchClient(
  opts: {
    accountId?: string;
    region?: string;
    endpoint?: string;
    maxAttempts?: number;
  } = {},
) {
  return new CloudWatchClient({
    region: opts.region ?? 'us-east-1',
    credentials: credentialsFor(opts.accountId ?? '111111111111'),
    endpoint: opts.endpoint,
    maxAttempts: opts.maxAttempts,
  });
}
