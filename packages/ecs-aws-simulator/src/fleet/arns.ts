export function clusterArn(
  accountId: string,
  region: string,
  clusterName: string,
) {
  return `arn:aws:ecs:${region}:${accountId}:cluster/${clusterName}`;
}

export function serviceArn(
  accountId: string,
  region: string,
  clusterName: string,
  serviceName: string,
) {
  return `arn:aws:ecs:${region}:${accountId}:service/${clusterName}/${serviceName}`;
}

export function taskDefinitionArn(
  accountId: string,
  region: string,
  family: string,
  revision: number,
) {
  return `arn:aws:ecs:${region}:${accountId}:task-definition/${family}:${revision}`;
}

export interface ParsedArn {
  region: string;
  accountId: string;
  resourceType: string;
  /** everything after `<type>/` */
  resource: string;
}

export function parseEcsArn(arn: string): ParsedArn | undefined {
  const match =
    /^arn:aws[a-z-]*:ecs:([a-z0-9-]+):(\d{12}):([a-z-]+)\/(.+)$/.exec(arn);
  if (!match) {
    return undefined;
  }
  return {
    region: match[1],
    accountId: match[2],
    resourceType: match[3],
    resource: match[4],
  };
}

/** The resource name in an ARN, or the value itself when it is already a name. */
export function nameFromArnOrName(value: string): string {
  const parsed = parseEcsArn(value);
  if (!parsed) {
    return value;
  }
  const parts = parsed.resource.split('/');
  return parts[parts.length - 1];
}
