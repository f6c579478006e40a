import { getMetricData } from './cloudwatch/getMetricData';
import { ECS_OPERATIONS, unknownEcsOperation } from './ecs/ecsOperations';
import { parseEcsArn } from './fleet/arns';
import { demoFleet } from './fleet/demoFleet';
import { Fleet } from './fleet/types';
import { FleetIndex } from './fleetIndex';
import { AwsError } from './protocol/errors';
import {
  CLOUDWATCH_TARGET_PREFIX,
  CallerIdentity,
  ECS_TARGET_PREFIX,
  callerFromAuthorization,
  lowerCaseHeaders,
} from './protocol/request';
import { unitHash } from './random';
import { API_RATE_LIMITS, TokenBucket, rateLimitGroup } from './tokenBucket';

/** @public */
export interface SimulatorFaults {
  /** fraction (0..1) of calls answered with ThrottlingException, chosen from the seed */
  throttleRate: number;
  /** accounts whose every call is answered with AccessDeniedException */
  deniedAccounts: string[];
  /** Regions whose every call is answered with AccessDeniedException */
  deniedRegions: string[];
  /** Regions whose calls never answer (until the client gives up, at most `hangLimitMs`) */
  timeoutRegions: string[];
  /** added to every call, milliseconds */
  latencyMs: number;
}

/** @public */
export interface SimulatorCall {
  service: 'ecs' | 'cloudwatch';
  operation: string;
  accountId: string;
  region: string;
  outcome: 'ok' | 'throttled' | 'denied' | 'timeout' | 'error';
}

/** @public */
export interface SimulatorRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  /** aborted when the client goes away (a hanging timeout Region then answers at once) */
  signal?: AbortSignal;
}

/** @public */
export interface SimulatorResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** @public */
export interface AwsSimulatorOptions {
  /** default: demoFleet() */
  fleet?: Fleet;
  faults?: Partial<SimulatorFaults>;
  /** drives throttling choices and metric noise (default 1) */
  seed?: number;
  now?: () => Date;
  /** meter calls with AWS's per account × Region token buckets (default false) */
  rateLimits?: boolean;
  /** how long a call to a timeout Region hangs when the client never aborts (default 30 s) */
  hangLimitMs?: number;
}

const DEFAULT_FAULTS: SimulatorFaults = {
  throttleRate: 0,
  deniedAccounts: [],
  deniedRegions: [],
  timeoutRegions: [],
  latencyMs: 0,
};

// The SDK's standard retry makes 3 attempts: below a rate of 1, never throttle more than this
// many in a row per account × Region, so a retrying client always recovers.
const MAX_CONSECUTIVE_THROTTLES = 2;

const CONTENT_TYPES = {
  ecs: 'application/x-amz-json-1.1',
  cloudwatch: 'application/x-amz-json-1.0',
};

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) {
    return Promise.resolve();
  }
  return new Promise(resolve => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * Amazon ECS (JSON 1.1) and CloudWatch (JSON 1.0, query-compatible) over one transport-agnostic
 * `handle`, with fault injection. msw handlers and the HTTP server both delegate to it.
 * @public
 */
export class AwsSimulator {
  readonly fleet: Fleet;
  faults: SimulatorFaults;
  readonly calls: SimulatorCall[] = [];
  private readonly index: FleetIndex;
  private readonly seed: number;
  private readonly now: () => Date;
  private readonly rateLimits: boolean;
  private readonly hangLimitMs: number;
  private throttleCounter = 0;
  private readonly consecutiveThrottles = new Map<string, number>();
  private readonly buckets = new Map<string, TokenBucket>();
  private requestCounter = 0;

  constructor(opts: AwsSimulatorOptions = {}) {
    this.fleet = opts.fleet ?? demoFleet();
    this.faults = { ...DEFAULT_FAULTS, ...opts.faults };
    this.seed = opts.seed ?? 1;
    this.now = opts.now ?? (() => new Date());
    this.rateLimits = opts.rateLimits ?? false;
    this.hangLimitMs = Math.min(opts.hangLimitMs ?? 30_000, 30_000);
    this.index = new FleetIndex(this.fleet);
  }

  resetCalls(): void {
    this.calls.length = 0;
  }

  /** number of calls by operation name */
  callCounts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const call of this.calls) {
      counts[call.operation] = (counts[call.operation] ?? 0) + 1;
    }
    return counts;
  }

  /** number of services in the fleet */
  serviceCount(): number {
    let count = 0;
    for (const account of Object.values(this.fleet.accounts)) {
      for (const region of Object.values(account.regions)) {
        for (const cluster of region.clusters) {
          count += cluster.services.length;
        }
      }
    }
    return count;
  }

  /** Removes a service, as if it had been deleted in ECS. */
  deleteService(serviceArn: string): void {
    if (!this.index.removeService(serviceArn)) {
      throw new Error(`No service ${serviceArn} in the simulated fleet`);
    }
  }

  /** Points a service at another registered revision, as a completed deployment would. */
  deployTaskDefinition(serviceArn: string, taskDefinitionArn: string): void {
    const entry = this.index.service(serviceArn);
    if (!entry) {
      throw new Error(`No service ${serviceArn} in the simulated fleet`);
    }
    const td = parseEcsArn(taskDefinitionArn);
    if (!this.fleet.taskDefinitions[taskDefinitionArn] || !td) {
      throw new Error(
        `No task definition ${taskDefinitionArn} in the simulated fleet`,
      );
    }
    if (
      td.accountId !== entry.service.accountId ||
      td.region !== entry.service.region
    ) {
      throw new Error(
        `Task definition ${taskDefinitionArn} is not in the account and Region of ${serviceArn}`,
      );
    }
    entry.service.taskDefinition = taskDefinitionArn;
  }

  async handle(req: SimulatorRequest): Promise<SimulatorResponse> {
    const headers = lowerCaseHeaders(req.headers);
    const target = headers['x-amz-target'] ?? '';
    let service: 'ecs' | 'cloudwatch';
    let operation: string;
    if (target.startsWith(ECS_TARGET_PREFIX)) {
      service = 'ecs';
      operation = target.slice(ECS_TARGET_PREFIX.length);
    } else if (target.startsWith(CLOUDWATCH_TARGET_PREFIX)) {
      service = 'cloudwatch';
      operation = target.slice(CLOUDWATCH_TARGET_PREFIX.length);
    } else {
      return this.errorResponse(
        'cloudwatch',
        new AwsError(
          'UnknownOperationException',
          `Expected POST / with x-amz-target ${ECS_TARGET_PREFIX}<Operation> (ECS, JSON 1.1) or ${CLOUDWATCH_TARGET_PREFIX}<Operation> (CloudWatch, JSON 1.0), got ${JSON.stringify(
            target,
          )}`,
        ),
      );
    }
    if (req.method.toUpperCase() !== 'POST') {
      return this.errorResponse(
        service,
        new AwsError(
          'UnknownOperationException',
          `Use POST, not ${req.method}`,
        ),
      );
    }

    let caller: CallerIdentity;
    try {
      caller = callerFromAuthorization(headers.authorization);
    } catch (error) {
      this.calls.push({
        service,
        operation,
        accountId: '',
        region: '',
        outcome: 'error',
      });
      return this.errorResponse(service, error as AwsError);
    }
    const record = (outcome: SimulatorCall['outcome']) =>
      this.calls.push({ service, operation, ...caller, outcome });

    await sleep(this.faults.latencyMs, req.signal);

    if (
      this.faults.deniedAccounts.includes(caller.accountId) ||
      this.faults.deniedRegions.includes(caller.region)
    ) {
      record('denied');
      const prefix = service === 'ecs' ? 'ecs' : 'cloudwatch';
      return this.errorResponse(
        service,
        new AwsError(
          'AccessDeniedException',
          `User: arn:aws:sts::${caller.accountId}:assumed-role/backstage/simulator is not authorized to perform: ${prefix}:${operation} on resource: * in ${caller.region}`,
        ),
      );
    }
    if (this.faults.timeoutRegions.includes(caller.region)) {
      record('timeout');
      await sleep(this.hangLimitMs, req.signal);
      return this.errorResponse(
        service,
        new AwsError(
          'RequestTimeout',
          `The simulator let ${caller.region} time out`,
          504,
        ),
      );
    }
    if (this.shouldThrottle(service, operation, caller)) {
      record('throttled');
      return this.errorResponse(
        service,
        new AwsError('ThrottlingException', 'Rate exceeded'),
      );
    }

    let input: Record<string, unknown>;
    try {
      input = req.body ? JSON.parse(req.body) : {};
      if (typeof input !== 'object' || input === null || Array.isArray(input)) {
        throw new Error('not an object');
      }
    } catch {
      record('error');
      return this.errorResponse(
        service,
        new AwsError(
          'SerializationException',
          'The request body is not a JSON object',
        ),
      );
    }

    try {
      const output = this.dispatch(service, operation, caller, input);
      record('ok');
      return {
        status: 200,
        headers: this.responseHeaders(service),
        body: JSON.stringify(output),
      };
    } catch (error) {
      record('error');
      if (error instanceof AwsError) {
        return this.errorResponse(service, error);
      }
      return this.errorResponse(
        service,
        new AwsError(
          service === 'ecs' ? 'ServerException' : 'InternalServiceFault',
          `Simulator failure: ${(error as Error).message}`,
          500,
          service === 'cloudwatch' ? 'InternalServiceError' : undefined,
        ),
      );
    }
  }

  private dispatch(
    service: 'ecs' | 'cloudwatch',
    operation: string,
    caller: CallerIdentity,
    input: Record<string, unknown>,
  ): unknown {
    if (service === 'ecs') {
      const op = ECS_OPERATIONS[operation];
      if (!op) {
        throw unknownEcsOperation(operation);
      }
      return op({ index: this.index, now: this.now, ...caller }, input);
    }
    if (operation !== 'GetMetricData') {
      throw new AwsError(
        'UnknownOperationException',
        `The simulator does not implement CloudWatch ${operation}`,
      );
    }
    return getMetricData(
      { index: this.index, seed: this.seed, now: this.now, ...caller },
      input,
    );
  }

  private shouldThrottle(
    service: string,
    operation: string,
    caller: CallerIdentity,
  ): boolean {
    const key = `${caller.accountId}|${caller.region}`;
    let throttle = false;
    if (this.rateLimits && API_RATE_LIMITS[`${service}:${operation}`]) {
      const group = `${key}|${rateLimitGroup(service, operation)}`;
      let bucket = this.buckets.get(group);
      if (!bucket) {
        const [burst, perSecond] = API_RATE_LIMITS[`${service}:${operation}`];
        bucket = new TokenBucket(burst, perSecond, Date.now());
        this.buckets.set(group, bucket);
      }
      throttle = !bucket.take(Date.now());
    }
    if (!throttle && this.faults.throttleRate > 0) {
      const streak = this.consecutiveThrottles.get(key) ?? 0;
      throttle =
        (this.faults.throttleRate >= 1 || streak < MAX_CONSECUTIVE_THROTTLES) &&
        unitHash(this.seed, 'throttle', this.throttleCounter++) <
          this.faults.throttleRate;
    }
    this.consecutiveThrottles.set(
      key,
      throttle ? (this.consecutiveThrottles.get(key) ?? 0) + 1 : 0,
    );
    return throttle;
  }

  private responseHeaders(
    service: 'ecs' | 'cloudwatch',
  ): Record<string, string> {
    this.requestCounter++;
    const id = this.requestCounter.toString(16).padStart(12, '0');
    return {
      'content-type': CONTENT_TYPES[service],
      'x-amzn-requestid': `00000000-0000-4000-8000-${id}`,
    };
  }

  private errorResponse(
    service: 'ecs' | 'cloudwatch',
    error: AwsError,
  ): SimulatorResponse {
    const headers = this.responseHeaders(service);
    if (service === 'cloudwatch' && error.queryErrorCode) {
      headers['x-amzn-query-error'] = `${error.queryErrorCode};${
        error.status >= 500 ? 'Receiver' : 'Sender'
      }`;
    }
    return {
      status: error.status,
      headers,
      body: JSON.stringify({ __type: error.type, message: error.message }),
    };
  }
}
