import { http, HttpResponse } from 'msw';
import type {
  EntityServicesResponse,
  FleetResponse,
  ServiceView,
  SyncStatusResponse,
  TmpfsTemplate,
} from '@internal/plugin-ecs-tmpfs-common';

export const BASE_URL = 'http://localhost:7007/api/ecs-tmpfs';

export const SERVICE_ARN =
  'arn:aws:ecs:eu-west-1:111122223333:service/shop/storefront-web';

export function serviceView(overrides: Partial<ServiceView> = {}): ServiceView {
  return {
    serviceArn: SERVICE_ARN,
    serviceName: 'storefront-web',
    clusterName: 'shop',
    accountId: '111122223333',
    region: 'eu-west-1',
    launchType: 'FARGATE',
    desiredCount: 2,
    runningCount: 2,
    tags: [{ key: 'team', value: 'storefront' }],
    taskDefinitionArn:
      'arn:aws:ecs:eu-west-1:111122223333:task-definition/storefront-web:7',
    family: 'storefront-web',
    revision: 7,
    cpu: 512,
    memory: 1024,
    containers: [
      {
        name: 'nginx',
        essential: true,
        readonlyRootFilesystem: false,
        tmpfs: [
          {
            containerPath: '/var/cache/nginx',
            size: 128,
            mountOptions: ['noexec', 'exec'],
          },
          { containerPath: '/tmp', size: 64, mountOptions: [] },
        ],
        mountPoints: [],
      },
    ],
    findings: [
      {
        ruleId: 'tmpfs-option-conflict',
        severity: 'error',
        path: 'containerDefinitions[0].linuxParameters.tmpfs[0].mountOptions[1]',
        container: 'nginx',
        message: 'exec conflicts with noexec in /var/cache/nginx',
        fix: 'keep noexec only',
      },
      {
        ruleId: 'readonly-root-disabled',
        severity: 'warning',
        path: 'containerDefinitions[0].readonlyRootFilesystem',
        container: 'nginx',
        message: 'nginx has a writable root filesystem',
        fix: 'set readonlyRootFilesystem: true',
      },
    ],
    headroom: {
      formula: 'headroom = memory limit − observed peak − tmpfs capacity',
      limitMiB: 1024,
      limitSource: 'task-memory',
      tmpfsTotalMiB: 192,
      perContainer: [{ container: 'nginx', tmpfsMiB: 192 }],
      observedPeakMiB: 600,
      headroomMiB: 232,
      headroomRatio: 0.2265625,
      thresholdRatio: 0.1,
      status: 'ok',
    },
    memorySeries: {
      source: 'container-insights',
      periodSeconds: 300,
      windowStart: '2026-12-01T00:00:00Z',
      windowEnd: '2026-12-01T01:00:00Z',
      points: [
        { t: '2026-12-01T00:00:00Z', usedMiB: 420 },
        { t: '2026-12-01T00:30:00Z', usedMiB: 600 },
        { t: '2026-12-01T00:55:00Z', usedMiB: 510 },
      ],
    },
    freshness: { lastSyncedAt: '2026-12-01T01:00:00Z' },
    ...overrides,
  };
}

export function entityServices(
  services: ServiceView[],
): EntityServicesResponse {
  return {
    entityRef: 'component:default/storefront-web',
    annotations: { serviceArns: [SERVICE_ARN] },
    services,
  };
}

export function fleetResponse(
  overrides: Partial<FleetResponse> = {},
): FleetResponse {
  return {
    items: [
      {
        serviceArn: SERVICE_ARN,
        serviceName: 'storefront-web',
        clusterName: 'shop',
        accountId: '111122223333',
        region: 'eu-west-1',
        launchType: 'FARGATE',
        owner: 'group:default/storefront',
        ownerSource: 'catalog',
        entityRef: 'component:default/storefront-web',
        limitMiB: 1024,
        observedPeakMiB: 600,
        tmpfsTotalMiB: 192,
        headroomMiB: 232,
        headroomRatio: 0.2265625,
        status: 'ok',
        findingCounts: { error: 1, warning: 1, info: 0 },
        worstRuleId: 'tmpfs-option-conflict',
        freshness: { lastSyncedAt: '2026-12-01T01:00:00Z' },
      },
      {
        serviceArn:
          'arn:aws:ecs:eu-west-1:111122223333:service/shop/batch-worker',
        serviceName: 'batch-worker',
        clusterName: 'shop',
        accountId: '111122223333',
        region: 'eu-west-1',
        launchType: 'EC2',
        owner: 'group:default/storefront',
        ownerSource: 'tag',
        tmpfsTotalMiB: 0,
        status: 'unknown',
        findingCounts: { error: 0, warning: 0, info: 1 },
        freshness: {},
      },
    ],
    totalCount: 2,
    offset: 0,
    limit: 25,
    teams: [
      {
        owner: 'group:default/storefront',
        services: 2,
        exhausted: 0,
        low: 0,
        unknown: 1,
        tmpfsTotalMiB: 192,
        minHeadroomRatio: 0.2265625,
      },
    ],
    ...overrides,
  };
}

export const syncStatus: SyncStatusResponse = {
  targets: [
    {
      accountId: '111122223333',
      region: 'eu-west-1',
      lastRun: {
        id: 'run-1',
        accountId: '111122223333',
        region: 'eu-west-1',
        trigger: 'schedule',
        status: 'partial',
        startedAt: '2026-12-01T00:59:00Z',
        finishedAt: '2026-12-01T01:00:00Z',
        apiCalls: { ListServices: 2 },
        services: 2,
        newRevisions: 1,
        goneServices: 0,
        errors: ['ThrottlingException on DescribeServices'],
      },
    },
  ],
  history: [],
};

export function template(
  overrides: Partial<TmpfsTemplate> = {},
): TmpfsTemplate {
  return {
    name: 'secrets',
    title: 'Secrets in memory',
    description: 'A private in-memory directory for secrets',
    owner: 'group:default/platform',
    mounts: [
      {
        containerPath: '/run/secrets',
        size: 16,
        mountOptions: ['noexec', 'nosuid', 'nodev', 'mode=0700'],
      },
    ],
    readonlyRootFilesystem: true,
    tags: ['secrets'],
    source: 'builtin',
    readOnly: true,
    version: 1,
    ...overrides,
  };
}

/**
 * `GET /templates` as the backend answers it: `offset`/`limit` paging with `limit` capped at
 * 200 (a larger one is refused with the backend's 400 body), so a client that asks for too
 * much fails here as it does in the app.
 */
export function templatesHandler(
  templates: TmpfsTemplate[],
  requests: URL[] = [],
) {
  return http.get(`${BASE_URL}/templates`, ({ request }) => {
    const url = new URL(request.url);
    requests.push(url);
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const limit = Number(url.searchParams.get('limit') ?? 50);
    if (limit > 200) {
      return HttpResponse.json(
        {
          error: {
            name: 'InputError',
            message: `query parameter 'limit': must be <= 200, got ${limit}`,
          },
          request: { method: 'GET', url: `/templates${url.search}` },
          response: { statusCode: 400 },
        },
        { status: 400 },
      );
    }
    return HttpResponse.json({
      items: templates.slice(offset, offset + limit),
      totalCount: templates.length,
      offset,
      limit,
    });
  });
}
