import { InputError } from '@backstage/errors';

/** The parts of an ECS ARN this module needs. */
export interface EcsArn {
  arn: string;
  partition: string;
  region: string;
  accountId: string;
  resourceType: 'task-definition' | 'service';
  /** everything after `<type>/` */
  resource: string;
}

const ECS_ARN =
  /^arn:(aws[a-z-]*):ecs:([a-z]{2}(?:-[a-z]+)+-\d):(\d{12}):(task-definition|service)\/(.+)$/;

/** parses an ECS task-definition or service ARN; `field` names the input in the error */
export function parseEcsArn(
  arn: string,
  field: string,
  expected: EcsArn['resourceType'],
): EcsArn {
  const match = ECS_ARN.exec(arn.trim());
  if (!match || match[4] !== expected) {
    throw new InputError(
      `${field} '${arn}' is not an ECS ${expected} ARN (arn:aws:ecs:<region>:<account>:${expected}/…)`,
    );
  }
  return {
    arn: arn.trim(),
    partition: match[1],
    region: match[2],
    accountId: match[3],
    resourceType: expected,
    resource: match[5],
  };
}

/** `service/<cluster>/<name>`; the old short form has no cluster, which DescribeServices needs */
export function serviceCluster(arn: EcsArn, field: string): string {
  const parts = arn.resource.split('/');
  if (parts.length !== 2 || !parts[0] || !parts[1]) {
    throw new InputError(
      `${field} '${arn.arn}' has no cluster name; use the long ARN format arn:aws:ecs:<region>:<account>:service/<cluster>/<service>`,
    );
  }
  return parts[0];
}
