import type { Fleet } from '@internal/ecs-aws-simulator';

/**
 * The app-config the backend needs to sync a simulated fleet through the simulator's HTTP
 * server: one `aws.accounts` entry (SigV4 key `SIMULATOR<account>`) and one target per account.
 */
export function simulatorAppConfig(
  fleet: Fleet,
  simulatorUrl: string,
  sync: Record<string, unknown> = { enabled: false },
) {
  const accounts = Object.keys(fleet.accounts).sort();
  return {
    aws: {
      accounts: accounts.map(accountId => ({
        accountId,
        accessKeyId: `SIMULATOR${accountId}`,
        secretAccessKey: 'simulator-secret',
      })),
    },
    ecsTmpfs: {
      targets: accounts.map(accountId => ({
        accountId,
        regions: Object.keys(fleet.accounts[accountId].regions).sort(),
      })),
      endpoints: { ecs: simulatorUrl, cloudwatch: simulatorUrl },
      // One day of 5-minute points keeps CloudWatch traffic small; the window does not change
      // what the scenarios check.
      sync: { metricsWindowDays: 1, metricsPeriodSeconds: 300, ...sync },
    },
  };
}
