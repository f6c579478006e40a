import type {
  AuditorService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { BasicPermission } from '@backstage/plugin-permission-common';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  ecsTmpfsFleetReadPermission,
  ecsTmpfsSyncTriggerPermission,
  type EntityServicesResponse,
  type SyncStatusResponse,
} from '@internal/plugin-ecs-tmpfs-common';
import type { EcsTmpfsTarget } from '@internal/plugin-ecs-tmpfs-node';
import type express from 'express';
import Router from 'express-promise-router';
import { CSV_HEADER, csvLine } from './csv';
import { readEcsAnnotations } from './mapping/annotations';
import {
  CONTROL_CHARACTERS,
  parseFleetQuery,
  parseOrThrow,
  triggerBodySchema,
} from './queryParams';
import type { InventoryStore } from './store/InventoryStore';
import type { ServiceRow } from './store/rows';
import type { SyncRunRecord } from './sync/SyncRunner';
import { serviceViewOf } from './views';

export interface InventoryRouterDeps {
  store: InventoryStore;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  catalog: CatalogService;
  targets: () => EcsTmpfsTarget[];
  runningRun: (target: EcsTmpfsTarget) => SyncRunRecord | undefined;
  /** starts (or joins) runs; resolves once their rows exist */
  trigger: (targets: EcsTmpfsTarget[]) => Promise<SyncRunRecord[]>;
}

const HISTORY_LENGTH = 50;

/**
 * PostgreSQL refuses NUL in text, and no ARN, entity ref or name contains control characters:
 * refuse them here with a 400 rather than let the database fail the request.
 */
export function assertPrintable(name: string, value: string) {
  if (CONTROL_CHARACTERS.test(value)) {
    throw new InputError(
      `Query parameter '${name}' = ${JSON.stringify(
        value,
      )}: must not contain control characters`,
    );
  }
}

function singleQuery(req: express.Request, name: string): string {
  const value = req.query[name];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InputError(
      `Query parameter '${name}' is required, got ${JSON.stringify(
        value ?? null,
      )}`,
    );
  }
  assertPrintable(name, value);
  return value.trim();
}

export function createInventoryRouter(
  deps: InventoryRouterDeps,
): express.Router {
  const { store, httpAuth, permissions, auditor, catalog } = deps;
  const router = Router();

  const authorize = async (
    req: express.Request,
    permission: BasicPermission,
  ) => {
    const credentials = await httpAuth.credentials(req);
    const [decision] = await permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`Not allowed: ${permission.name}`);
    }
    return credentials;
  };

  const viewsOf = async (rows: ServiceRow[]) => {
    const [bodies, metrics] = await Promise.all([
      store.taskDefinitionBodies(rows.map(r => r.task_definition_arn)),
      store.metricsOf(rows.map(r => r.service_arn)),
    ]);
    return rows.map(r =>
      serviceViewOf(
        r,
        bodies.get(r.task_definition_arn),
        metrics.get(r.service_arn),
      ),
    );
  };

  router.get('/entity-services', async (req, res) => {
    const rawRef = singleQuery(req, 'entityRef');
    let entityRef: string;
    try {
      entityRef = stringifyEntityRef(parseEntityRef(rawRef));
    } catch (error) {
      throw new InputError(
        `Query parameter 'entityRef' = '${rawRef}' is not an entity ref: ${
          (error as Error).message
        }`,
      );
    }
    const credentials = await httpAuth.credentials(req);
    const entity = await catalog.getEntityByRef(entityRef, { credentials });
    if (!entity) throw new NotFoundError(`No entity ${entityRef}`);
    const annotations = readEcsAnnotations(entity);
    const rows = new Map<string, ServiceRow>();
    if (annotations.serviceArns?.length) {
      for (const r of await store.servicesByArns(annotations.serviceArns)) {
        rows.set(r.service_arn, r);
      }
    }
    if (annotations.serviceTags) {
      for (const r of await store.servicesByTags(annotations.serviceTags)) {
        rows.set(r.service_arn, r);
      }
    }
    const body: EntityServicesResponse = {
      entityRef,
      annotations,
      services: await viewsOf(
        [...rows.values()].sort((a, b) =>
          a.service_arn.localeCompare(b.service_arn),
        ),
      ),
    };
    res.json(body);
  });

  router.get('/service', async (req, res) => {
    await authorize(req, ecsTmpfsFleetReadPermission);
    const arn = singleQuery(req, 'arn');
    const [row] = await store.servicesByArns([arn]);
    if (!row) throw new NotFoundError(`No stored ECS service ${arn}`);
    res.json((await viewsOf([row]))[0]);
  });

  router.get('/fleet', async (req, res) => {
    await authorize(req, ecsTmpfsFleetReadPermission);
    const { filter, offset, limit } = parseFleetQuery(req.query);
    res.json(await store.fleet(filter, offset, limit));
  });

  router.get('/fleet.csv', async (req, res) => {
    await authorize(req, ecsTmpfsFleetReadPermission);
    const { filter } = parseFleetQuery({
      ...req.query,
      offset: undefined,
      limit: undefined,
    });
    res.status(200);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader(
      'Content-Disposition',
      'attachment; filename="ecs-tmpfs-fleet.csv"',
    );
    res.write(CSV_HEADER);
    for await (const row of store.fleetRows(filter)) res.write(csvLine(row));
    res.end();
  });

  router.get('/sync/status', async (req, res) => {
    await httpAuth.credentials(req);
    const history = (await store.recentRuns(HISTORY_LENGTH)) as SyncRunRecord[];
    const targets = await Promise.all(
      deps.targets().map(async target => {
        const runs = await store.latestRunsOf(target);
        const running = deps.runningRun(target);
        return {
          accountId: target.accountId,
          region: target.region,
          lastRun: runs.find(r => r.status !== 'running'),
          running: running ?? runs.find(r => r.status === 'running'),
        };
      }),
    );
    // Progress of runs in this process is fresher than what was last written.
    const live = new Map(
      targets.flatMap(t => (t.running ? [[t.running.id, t.running]] : [])),
    );
    const body: SyncStatusResponse = {
      targets,
      history: history.map(r => live.get(r.id) ?? r),
    };
    res.json(body);
  });

  router.post('/sync/trigger', async (req, res) => {
    await authorize(req, ecsTmpfsSyncTriggerPermission);
    const body = parseOrThrow(triggerBodySchema, req.body ?? {}, 'body field');
    const configured = deps.targets();
    const chosen = configured.filter(
      t =>
        (!body.accountId || t.accountId === body.accountId) &&
        (!body.region || t.region === body.region),
    );
    if (chosen.length === 0) {
      throw new InputError(
        `No configured sync target matches accountId=${
          body.accountId ?? '*'
        } region=${body.region ?? '*'} (ecsTmpfs.targets)`,
      );
    }
    const event = await auditor.createEvent({
      eventId: 'sync-trigger',
      severityLevel: 'medium',
      request: req,
      meta: {
        targets: chosen.map(t => `${t.accountId}/${t.region}`),
      },
    });
    try {
      const runs = await deps.trigger(chosen);
      await event.success({ meta: { runIds: runs.map(r => r.id) } });
      res.status(202).json({ runs });
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  });

  return router;
}
