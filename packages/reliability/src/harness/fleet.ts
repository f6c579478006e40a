import type { Fleet, SimService } from '@internal/ecs-aws-simulator';

/** One account × Region the backend syncs. */
export interface Target {
  accountId: string;
  region: string;
}

export const targetKey = (t: Target) => `${t.accountId}/${t.region}`;

export function targetsOf(fleet: Fleet): Target[] {
  return Object.entries(fleet.accounts).flatMap(([accountId, account]) =>
    Object.keys(account.regions).map(region => ({ accountId, region })),
  );
}

export function servicesOf(fleet: Fleet, target?: Target): SimService[] {
  return targetsOf(fleet)
    .filter(
      t =>
        !target ||
        (t.accountId === target.accountId && t.region === target.region),
    )
    .flatMap(t =>
      fleet.accounts[t.accountId].regions[t.region].clusters.flatMap(
        c => c.services,
      ),
    );
}

/** Marker prefix of the values this suite plants; none may ever be stored or served. */
export const MARKER_PREFIX = 'reliability-marker-';

/**
 * Plants a unique marker in every container of every task definition: an environment value, a
 * secret's valueFrom, repositoryCredentials and a log secretOption. Returns the markers.
 */
export function plantMarkers(fleet: Fleet): string[] {
  const markers: string[] = [];
  let n = 0;
  for (const [arn, td] of Object.entries(fleet.taskDefinitions)) {
    const region = arn.split(':')[3];
    const account = arn.split(':')[4];
    const containers = (td.taskDefinition.containerDefinitions ?? []) as Array<
      Record<string, any>
    >;
    for (const container of containers) {
      const env = `${MARKER_PREFIX}env-${n}`;
      const secret = `${MARKER_PREFIX}secret-${n}`;
      const repo = `${MARKER_PREFIX}repo-${n}`;
      const log = `${MARKER_PREFIX}log-${n}`;
      n++;
      container.environment = [
        ...(container.environment ?? []),
        { name: 'RELIABILITY_API_TOKEN', value: env },
      ];
      container.secrets = [
        ...(container.secrets ?? []),
        {
          name: 'RELIABILITY_SECRET',
          valueFrom: `arn:aws:secretsmanager:${region}:${account}:secret:${secret}`,
        },
      ];
      container.repositoryCredentials = {
        credentialsParameter: `arn:aws:secretsmanager:${region}:${account}:secret:${repo}`,
      };
      container.logConfiguration = {
        logDriver: 'awsfirelens',
        options: { Name: 'datadog' },
        secretOptions: [
          {
            name: 'apikey',
            valueFrom: `arn:aws:ssm:${region}:${account}:parameter/${log}`,
          },
        ],
      };
      markers.push(env, secret, repo, log);
    }
  }
  return markers;
}

/** Every environment value named DB_PASSWORD (the demo fleet plants `planted-secret-…` there). */
export function plantedDbPasswords(fleet: Fleet): string[] {
  return Object.values(fleet.taskDefinitions).flatMap(td =>
    ((td.taskDefinition.containerDefinitions ?? []) as any[]).flatMap(c =>
      ((c.environment ?? []) as any[])
        .filter(e => e.name === 'DB_PASSWORD' && typeof e.value === 'string')
        .map(e => e.value as string),
    ),
  );
}
