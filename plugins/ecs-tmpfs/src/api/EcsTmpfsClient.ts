import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  EntityServicesResponse,
  Finding,
  FleetQuery,
  FleetResponse,
  Page,
  ServiceView,
  SyncRun,
  SyncStatusResponse,
  TmpfsTemplate,
  TmpfsTemplateInput,
  TmpfsTemplateUpdate,
  ValidateRequest,
  ValidateResponse,
} from '@internal/plugin-ecs-tmpfs-common';
import type {
  DownloadedFile,
  EcsTmpfsApi,
  TemplatesQuery,
} from './EcsTmpfsApi';

type QueryValue = string | number | undefined | (string | number)[];

/** Repeated parameters for arrays, as the backend reads them. */
export function toQueryString(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === '') continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      search.append(key, String(item));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function fleetQueryParams(
  query: FleetQuery,
): Record<string, QueryValue> {
  return {
    owner: query.owner,
    status: query.status,
    accountId: query.accountId,
    region: query.region,
    search: query.search,
    sort: query.sort,
    order: query.order,
    offset: query.offset,
    limit: query.limit,
  };
}

/**
 * The findings of a template the backend refused, read from the error body it sent; the
 * body is kept by `ResponseError` as `body`, with extra fields intact.
 */
export function findingsOfError(error: unknown): Finding[] | undefined {
  const body = (error as { body?: { findings?: unknown } } | undefined)?.body;
  return Array.isArray(body?.findings)
    ? (body!.findings as Finding[])
    : undefined;
}

/**
 * The message to show a user: the backend's own message (it names the field and value)
 * rather than ResponseError's generic "Request failed with 400".
 */
export function errorMessage(error: unknown): string {
  const body = (error as { body?: { error?: { message?: unknown } } })?.body;
  const message = body?.error?.message;
  if (typeof message === 'string' && message) return message;
  return error instanceof Error ? error.message : String(error);
}

function filenameOf(response: Response, fallback: string): string {
  const disposition = response.headers.get('content-disposition') ?? '';
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  return match ? decodeURIComponent(match[1]) : fallback;
}

/** @public */
export class EcsTmpfsClient implements EcsTmpfsApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  getEntityServices(entityRef: string): Promise<EntityServicesResponse> {
    return this.json(`/entity-services${toQueryString({ entityRef })}`);
  }

  getService(serviceArn: string): Promise<ServiceView> {
    return this.json(`/service${toQueryString({ arn: serviceArn })}`);
  }

  getFleet(query: FleetQuery): Promise<FleetResponse> {
    return this.json(`/fleet${toQueryString(fleetQueryParams(query))}`);
  }

  async downloadFleetCsv(query: FleetQuery): Promise<DownloadedFile> {
    const { offset: _offset, limit: _limit, ...filters } = query;
    const response = await this.request(
      `/fleet.csv${toQueryString(fleetQueryParams(filters))}`,
    );
    return {
      filename: filenameOf(response, 'ecs-tmpfs-fleet.csv'),
      blob: await response.blob(),
    };
  }

  getSyncStatus(): Promise<SyncStatusResponse> {
    return this.json('/sync/status');
  }

  triggerSync(
    target: { accountId?: string; region?: string } = {},
  ): Promise<{ runs: SyncRun[] }> {
    return this.json('/sync/trigger', { method: 'POST', body: target });
  }

  listTemplates(query: TemplatesQuery = {}): Promise<Page<TmpfsTemplate>> {
    return this.json(`/templates${toQueryString({ ...query })}`);
  }

  getTemplate(name: string): Promise<TmpfsTemplate> {
    return this.json(`/templates/${encodeURIComponent(name)}`);
  }

  createTemplate(input: TmpfsTemplateInput): Promise<TmpfsTemplate> {
    return this.json('/templates', { method: 'POST', body: input });
  }

  updateTemplate(
    name: string,
    update: TmpfsTemplateUpdate,
  ): Promise<TmpfsTemplate> {
    return this.json(`/templates/${encodeURIComponent(name)}`, {
      method: 'PUT',
      body: update,
    });
  }

  async deleteTemplate(name: string): Promise<void> {
    await this.request(`/templates/${encodeURIComponent(name)}`, {
      method: 'DELETE',
    });
  }

  validate(request: ValidateRequest): Promise<ValidateResponse> {
    return this.json('/validate', { method: 'POST', body: request });
  }

  private async request(
    path: string,
    init: { method?: string; body?: unknown } = {},
  ): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl('ecs-tmpfs');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, {
      method: init.method ?? 'GET',
      ...(init.body !== undefined && {
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(init.body),
      }),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }

  private async json<T>(
    path: string,
    init?: { method?: string; body?: unknown },
  ): Promise<T> {
    const response = await this.request(path, init);
    return (await response.json()) as T;
  }
}
