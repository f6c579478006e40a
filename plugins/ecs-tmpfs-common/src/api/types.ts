/*
 * The REST contract between the backend plugin (`/api/ecs-tmpfs`), the frontend plugin, the
 * scaffolder module and anyone calling the API with curl. The backend's OpenAPI spec
 * (`plugins/ecs-tmpfs-backend/src/schema/openapi.yaml`) describes the same shapes.
 */
import type { HeadroomResult, HeadroomStatus } from '../headroom/types';
import type { TmpfsMountSpec } from '../model/types';
import type { Finding, Severity } from '../rules/types';

/** @public */
export interface Page<T> {
  items: T[];
  totalCount: number;
  offset: number;
  limit: number;
}

/** Where a template comes from; only `database` templates can be edited or deleted. @public */
export type TemplateSource = 'builtin' | 'config' | 'database';

/** The editable part of a tmpfs template. @public */
export interface TmpfsTemplateInput {
  /** unique slug: lowercase letters, digits and single dashes, 1–63 characters */
  name: string;
  title: string;
  description?: string;
  /** catalog group ref, e.g. `group:default/platform` */
  owner: string;
  mounts: TmpfsMountSpec[];
  /** the template also turns on `readonlyRootFilesystem` when applied */
  readonlyRootFilesystem?: boolean;
  tags?: string[];
}

/** @public */
export interface TmpfsTemplate extends Required<TmpfsTemplateInput> {
  source: TemplateSource;
  /** true for builtin and config templates */
  readOnly: boolean;
  /** optimistic-concurrency version; an update must send the version it read */
  version: number;
  createdBy?: string;
  createdAt?: string;
  updatedBy?: string;
  updatedAt?: string;
}

/** `PUT /templates/:name` body. @public */
export interface TmpfsTemplateUpdate extends Omit<TmpfsTemplateInput, 'name'> {
  version: number;
}

/** `POST /validate` body: exactly one of `taskDefinition` or `template`. @public */
export interface ValidateRequest {
  taskDefinition?: unknown;
  template?: TmpfsTemplateInput;
  /** observed memory peak (MiB) to compute headroom with */
  observedPeakMiB?: number;
}

/** @public */
export interface ValidateResponse {
  valid: boolean;
  findings: Finding[];
  headroom?: HeadroomResult;
}

/** A memory sample: the max over one period. @public */
export interface MemoryPoint {
  /** ISO timestamp of the period start */
  t: string;
  /** MiB used (Container Insights `MemoryUtilized`, or derived from `MemoryUtilization`) */
  usedMiB?: number;
  /** `AWS/ECS` `MemoryUtilization`, percent of the reservation/limit */
  utilizationPercent?: number;
}

/** @public */
export interface MemorySeries {
  source: 'container-insights' | 'memory-utilization' | 'none';
  periodSeconds: number;
  windowStart: string;
  windowEnd: string;
  points: MemoryPoint[];
}

/** How fresh the stored data of one service is. @public */
export interface Freshness {
  lastSyncedAt?: string;
  /** set when the last sync of this account × Region failed: the rows shown are older */
  stale?: { since: string; error: string };
  /** the service disappeared from a complete listing */
  gone?: { since: string };
}

/** One container of a service's running task definition, as shown on the entity tab. @public */
export interface ContainerView {
  name: string;
  essential: boolean;
  readonlyRootFilesystem: boolean;
  user?: string;
  memory?: number;
  memoryReservation?: number;
  /** tmpfs mounts as written; options invalid or insecure are named by findings' paths */
  tmpfs: { containerPath: string; size: number; mountOptions: string[] }[];
  /** other writable mounts (volumes) */
  mountPoints: {
    containerPath: string;
    sourceVolume?: string;
    readOnly: boolean;
  }[];
}

/** @public */
export interface ServiceView {
  serviceArn: string;
  serviceName: string;
  clusterName: string;
  accountId: string;
  region: string;
  launchType: string;
  desiredCount?: number;
  runningCount?: number;
  tags: { key: string; value: string }[];
  taskDefinitionArn: string;
  family: string;
  revision: number;
  /** task-level cpu units and memory MiB, when set */
  cpu?: number;
  memory?: number;
  operatingSystemFamily?: string;
  containers: ContainerView[];
  findings: Finding[];
  headroom: HeadroomResult;
  memorySeries: MemorySeries;
  freshness: Freshness;
}

/** `GET /entity-services?entityRef=…` @public */
export interface EntityServicesResponse {
  entityRef: string;
  /** the annotations that selected these services */
  annotations: { serviceArns?: string[]; serviceTags?: Record<string, string> };
  services: ServiceView[];
}

/** @public */
export type FindingCounts = Record<Severity, number>;

/** One row of the fleet dashboard. @public */
export interface FleetRow {
  serviceArn: string;
  serviceName: string;
  clusterName: string;
  accountId: string;
  region: string;
  launchType: string;
  /** owner group ref: from the mapped catalog entity, else from the service's `team` tag */
  owner?: string;
  ownerSource?: 'catalog' | 'tag';
  /** catalog entity that maps this service, if any */
  entityRef?: string;
  limitMiB?: number;
  observedPeakMiB?: number;
  tmpfsTotalMiB: number;
  headroomMiB?: number;
  headroomRatio?: number;
  status: HeadroomStatus;
  findingCounts: FindingCounts;
  /** the highest-severity finding's rule id */
  worstRuleId?: string;
  freshness: Freshness;
}

/** @public */
export type FleetSortField =
  | 'serviceName'
  | 'owner'
  | 'headroomMiB'
  | 'headroomRatio'
  | 'tmpfsTotalMiB'
  | 'status'
  | 'findings';

/** `GET /fleet` query. Arrays are repeated query parameters. @public */
export interface FleetQuery {
  owner?: string[];
  status?: HeadroomStatus[];
  accountId?: string[];
  region?: string[];
  /** substring of service or cluster name */
  search?: string;
  sort?: FleetSortField;
  order?: 'asc' | 'desc';
  offset?: number;
  limit?: number;
}

/** `GET /fleet` response. @public */
export interface FleetResponse extends Page<FleetRow> {
  /** per-owner roll-up over the whole filtered set (not just this page) */
  teams: {
    owner: string;
    services: number;
    exhausted: number;
    low: number;
    unknown: number;
    tmpfsTotalMiB: number;
    minHeadroomRatio?: number;
  }[];
}

/** @public */
export type SyncRunStatus = 'running' | 'succeeded' | 'partial' | 'failed';

/** @public */
export interface SyncRun {
  id: string;
  accountId: string;
  region: string;
  trigger: 'schedule' | 'manual';
  status: SyncRunStatus;
  startedAt: string;
  finishedAt?: string;
  /** AWS API calls made, by operation name, e.g. `{ ListServices: 12, GetMetricData: 3 }` */
  apiCalls: Record<string, number>;
  services: number;
  newRevisions: number;
  goneServices: number;
  errors: string[];
  progress?: { phase: string; done: number; total?: number };
}

/** `GET /sync/status` @public */
export interface SyncStatusResponse {
  targets: {
    accountId: string;
    region: string;
    lastRun?: SyncRun;
    running?: SyncRun;
  }[];
  history: SyncRun[];
}

/** The backend's error body (Backstage's standard). @public */
export interface ApiErrorBody {
  error: { name: string; message: string };
  request?: { method: string; url: string };
  response: { statusCode: number };
  /** validation findings, on a refused template */
  findings?: Finding[];
}
