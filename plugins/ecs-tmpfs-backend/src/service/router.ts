import type {
  AuditorService,
  BackstageCredentials,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  type BasicPermission,
} from '@backstage/plugin-permission-common';
import {
  ecsTmpfsTemplateCreatePermission,
  ecsTmpfsTemplateDeletePermission,
  ecsTmpfsTemplateReadPermission,
  ecsTmpfsTemplateUpdatePermission,
} from '@internal/plugin-ecs-tmpfs-common';
import express from 'express';
import Router from 'express-promise-router';
import { createOpenApiRouter, spec } from '../schema/openapi.generated';
import type { TemplateCatalogue } from '../templates/TemplateCatalogue';
import { errorResponder } from './errorResponses';
import { requestErrorHandler } from './requestErrors';
import { validateDocument } from './validateDocument';

/** Largest accepted JSON body; a task definition registered with ECS is at most 64 KiB. */
export const BODY_LIMIT_KB = 256;

export interface RouterOptions {
  logger: LoggerService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  templates: TemplateCatalogue;
  headroomThreshold?: number;
  /** the inventory's routes (src/inventory), served from the same base path */
  inventoryRouter: express.Router;
}

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, permissions, auditor, templates } = options;

  // Parsed here rather than inside the validated router, whose error mapping would turn a
  // 413 (body too large) into a 400.
  const jsonBody = express.json({ limit: `${BODY_LIMIT_KB}kb` });
  const router = Router();
  router.use(jsonBody);
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  const api = await createOpenApiRouter({ middleware: [jsonBody] });

  // The typed requests of the validated router carry the spec's types, not express's defaults.
  const credentialsOf = (req: unknown) =>
    httpAuth.credentials(req as express.Request, {
      allow: ['user', 'service'],
    });

  const authorize = async (
    credentials: BackstageCredentials,
    permission: BasicPermission,
  ) => {
    const [decision] = await permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `You are not allowed to ${permission.attributes.action} tmpfs templates (permission ${permission.name})`,
      );
    }
  };

  /** Runs one mutation inside an audit event that records its success or failure. */
  const audited = async <T>(
    req: express.Request,
    eventId: string,
    meta: { templateName?: string },
    action: () => Promise<T>,
  ): Promise<T> => {
    const event = await auditor.createEvent({
      eventId,
      severityLevel: 'medium',
      request: req,
      meta,
    });
    try {
      const result = await action();
      await event.success({ meta });
      return result;
    } catch (error) {
      await event.fail({ error: error as Error, meta });
      throw error;
    }
  };

  api.get('/templates', async (req, res) => {
    await authorize(await credentialsOf(req), ecsTmpfsTemplateReadPermission);
    const { owner, tag, offset, limit } = req.query;
    res.json(
      await templates.list({
        owner,
        tag,
        offset: Number(offset ?? 0),
        limit: Number(limit ?? 50),
      }),
    );
  });

  api.get('/templates/:name', async (req, res) => {
    await authorize(await credentialsOf(req), ecsTmpfsTemplateReadPermission);
    res.json(await templates.get(req.params.name));
  });

  api.post('/templates', async (req, res) => {
    const templateName = String(req.body?.name ?? '');
    const created = await audited(
      req,
      'template-create',
      { templateName },
      async () => {
        const credentials = await credentialsOf(req);
        await authorize(credentials, ecsTmpfsTemplateCreatePermission);
        return templates.create(req.body, actorOf(credentials));
      },
    );
    res.status(201).json(created);
  });

  api.put('/templates/:name', async (req, res) => {
    const templateName = req.params.name;
    const updated = await audited(
      req,
      'template-update',
      { templateName },
      async () => {
        const credentials = await credentialsOf(req);
        await authorize(credentials, ecsTmpfsTemplateUpdatePermission);
        return templates.update(
          templateName,
          req.body as unknown as Record<string, unknown>,
          actorOf(credentials),
        );
      },
    );
    res.json(updated);
  });

  api.delete('/templates/:name', async (req, res) => {
    const templateName = req.params.name;
    await audited(req, 'template-delete', { templateName }, async () => {
      const credentials = await credentialsOf(req);
      await authorize(credentials, ecsTmpfsTemplateDeletePermission);
      await templates.delete(templateName);
    });
    res.status(204).end();
  });

  api.post('/validate', async (req, res) => {
    await credentialsOf(req);
    const body = req.body;
    if (!body || typeof body !== 'object') {
      throw new InputError('Request body must be a JSON object');
    }
    res.json(
      validateDocument(body, { headroomThreshold: options.headroomThreshold }),
    );
  });

  router.use(api);
  router.use(options.inventoryRouter);
  router.use(requestErrorHandler(spec as any, BODY_LIMIT_KB));
  router.use(errorResponder(options.logger));
  return router;
}

function actorOf(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
  };
  return principal.type === 'user'
    ? principal.userEntityRef!
    : `service:${principal.subject}`;
}
