/** A token bucket like the ones AWS meters API calls with (burst capacity, refill per second). */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    now: number,
  ) {
    this.tokens = burst;
    this.updatedAt = now;
  }

  take(now: number): boolean {
    const elapsed = Math.max(0, now - this.updatedAt) / 1000;
    this.tokens = Math.min(this.burst, this.tokens + elapsed * this.perSecond);
    this.updatedAt = now;
    if (this.tokens < 1) {
      return false;
    }
    this.tokens -= 1;
    return true;
  }
}

/** ECS and CloudWatch limits per account and Region: [burst, sustained per second]. */
export const API_RATE_LIMITS: Record<string, [number, number]> = {
  'ecs:ListClusters': [50, 20],
  'ecs:DescribeClusters': [50, 20],
  'ecs:ListServices': [100, 20],
  'ecs:DescribeServices': [100, 20],
  'ecs:DescribeTaskDefinition': [50, 20],
  'ecs:ListTaskDefinitions': [50, 20],
  'ecs:RegisterTaskDefinition': [20, 1],
  'cloudwatch:GetMetricData': [50, 50],
};

/** Operations that share one bucket (ECS meters reads by resource family, not by call). */
export function rateLimitGroup(service: string, operation: string): string {
  if (service === 'ecs') {
    if (operation.endsWith('Clusters')) {
      return 'ecs:clusters';
    }
    if (operation.endsWith('Services')) {
      return 'ecs:services';
    }
    if (operation === 'RegisterTaskDefinition') {
      return 'ecs:register';
    }
    return 'ecs:task-definitions';
  }
  return `${service}:${operation}`;
}
