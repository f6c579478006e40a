import { createApiRef } from '@backstage/core-plugin-api';
import type {
  EntityServicesResponse,
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

/** Query of `GET /templates`. @public */
export interface TemplatesQuery {
  owner?: string;
  tag?: string;
  offset?: number;
  limit?: number;
}

/** A downloaded file: its suggested name and content. @public */
export interface DownloadedFile {
  filename: string;
  blob: Blob;
}

/**
 * The ECS tmpfs backend (`/api/ecs-tmpfs`) as the frontend sees it.
 * @public
 */
export interface EcsTmpfsApi {
  getEntityServices(entityRef: string): Promise<EntityServicesResponse>;
  getService(serviceArn: string): Promise<ServiceView>;
  getFleet(query: FleetQuery): Promise<FleetResponse>;
  /** `GET /fleet.csv` with the same filters, fetched with the user's credentials */
  downloadFleetCsv(query: FleetQuery): Promise<DownloadedFile>;
  getSyncStatus(): Promise<SyncStatusResponse>;
  triggerSync(target?: {
    accountId?: string;
    region?: string;
  }): Promise<{ runs: SyncRun[] }>;
  listTemplates(query?: TemplatesQuery): Promise<Page<TmpfsTemplate>>;
  getTemplate(name: string): Promise<TmpfsTemplate>;
  createTemplate(input: TmpfsTemplateInput): Promise<TmpfsTemplate>;
  updateTemplate(
    name: string,
    update: TmpfsTemplateUpdate,
  ): Promise<TmpfsTemplate>;
  deleteTemplate(name: string): Promise<void>;
  validate(request: ValidateRequest): Promise<ValidateResponse>;
}

/** @public */
export const ecsTmpfsApiRef = createApiRef<EcsTmpfsApi>({
  id: 'plugin.ecs-tmpfs.service',
});
