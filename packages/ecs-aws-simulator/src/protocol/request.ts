import { AwsError } from './errors';

export const ECS_TARGET_PREFIX = 'AmazonEC2ContainerServiceV20141113.';
export const CLOUDWATCH_TARGET_PREFIX = 'GraniteServiceVersion20100801.';

export interface CallerIdentity {
  accountId: string;
  region: string;
}

/**
 * The caller from the SigV4 Authorization header: the account is encoded in the access key id
 * (`SIMULATOR<12 digits>`), the Region is the credential scope's. Signatures are not checked.
 */
export function callerFromAuthorization(
  authorization: string | undefined,
): CallerIdentity {
  if (!authorization) {
    throw new AwsError(
      'MissingAuthenticationTokenException',
      'Missing Authentication Token: requests must be signed with SigV4',
    );
  }
  const match =
    /Credential=([^/,\s]+)\/\d{8}\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request/.exec(
      authorization,
    );
  if (!match) {
    throw new AwsError(
      'IncompleteSignatureException',
      'Authorization header has no SigV4 Credential=<key>/<date>/<region>/<service>/aws4_request',
    );
  }
  const key = /^SIMULATOR(\d{12})$/.exec(match[1]);
  if (!key) {
    throw new AwsError(
      'UnrecognizedClientException',
      `The security token included in the request is invalid: access key ${match[1]} is not a simulator key (SIMULATOR<12-digit account id>)`,
    );
  }
  return { accountId: key[1], region: match[2] };
}

export function lowerCaseHeaders(
  headers: Record<string, string>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    out[k.toLowerCase()] = v;
  }
  return out;
}
