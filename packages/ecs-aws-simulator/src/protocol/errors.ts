/**
 * An error as AWS sends it: HTTP status, the `__type` the SDK turns into the exception name,
 * and for CloudWatch (awsQueryCompatible) the `x-amzn-query-error` code.
 */
export class AwsError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
    readonly queryErrorCode?: string,
  ) {
    super(message);
    this.name = type;
  }
}

export const ecsErrors = {
  client: (message: string) => new AwsError('ClientException', message),
  invalidParameter: (message: string) =>
    new AwsError('InvalidParameterException', message),
  clusterNotFound: () =>
    new AwsError('ClusterNotFoundException', 'Cluster not found.'),
};

export const cloudWatchErrors = {
  // CloudWatch's Query-era codes travel in x-amzn-query-error; the SDK maps them to its classes.
  validation: (message: string) =>
    new AwsError(
      'com.amazonaws.cloudwatch#ValidationException',
      message,
      400,
      'ValidationError',
    ),
  invalidParameterValue: (message: string) =>
    new AwsError(
      'com.amazonaws.cloudwatch#InvalidParameterValueException',
      message,
      400,
      'InvalidParameterValue',
    ),
  invalidNextToken: (message: string) =>
    new AwsError(
      'com.amazonaws.cloudwatch#InvalidNextToken',
      message,
      400,
      'InvalidNextToken',
    ),
};
