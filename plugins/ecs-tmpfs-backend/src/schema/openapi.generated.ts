// Generated from openapi.yaml by scripts/generate-openapi.js. Do not edit by hand.
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';

export const spec = {
  openapi: '3.1.0',
  info: {
    title: 'ecs-tmpfs',
    version: '1',
    description:
      "tmpfs templates, task-definition validation and the ECS inventory of the ECS tmpfs\nplugins. Paths are relative to the plugin's base URL (`/api/ecs-tmpfs`). Every call\nneeds a Backstage user or service token. Errors use Backstage's error body\n(`{ error: { name, message }, request, response: { statusCode } }`); a template refused by a\nrule also carries `findings`.\n",
    license: {
      name: 'Apache-2.0',
      url: 'http://www.apache.org/licenses/LICENSE-2.0.html',
    },
    contact: {},
  },
  servers: [
    {
      url: '/',
    },
  ],
  components: {
    parameters: {
      templateName: {
        name: 'name',
        in: 'path',
        required: true,
        description: "the template's name (slug)",
        schema: {
          $ref: '#/components/schemas/TemplateName',
        },
      },
    },
    schemas: {
      TemplateName: {
        type: 'string',
        minLength: 1,
        maxLength: 63,
        pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
      },
      GroupRef: {
        type: 'string',
        minLength: 1,
        maxLength: 255,
        description: 'a catalog group ref, `group:<namespace>/<name>`',
        pattern:
          '^group:[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*$',
      },
      Tag: {
        type: 'string',
        minLength: 1,
        maxLength: 63,
        description: 'lowercase letters, digits and single dashes',
        pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
      },
      TmpfsMountSpec: {
        type: 'object',
        additionalProperties: false,
        required: ['containerPath', 'size'],
        properties: {
          containerPath: {
            type: 'string',
            minLength: 1,
            maxLength: 255,
            pattern: '^[A-Za-z0-9._@+=/~-]+$',
            description:
              "absolute path inside the container; no spaces, quotes, commas or colons (Docker's tmpfs syntax uses `:` and `,` as separators)",
          },
          size: {
            type: 'integer',
            minimum: 1,
            maximum: 2147483647,
            description: 'MiB',
          },
          mountOptions: {
            type: 'array',
            maxItems: 32,
            items: {
              type: 'string',
              minLength: 1,
              maxLength: 64,
            },
          },
        },
      },
      TemplateTitle: {
        type: 'string',
        minLength: 1,
        maxLength: 200,
      },
      TemplateDescription: {
        type: 'string',
        maxLength: 2000,
      },
      TemplateMounts: {
        type: 'array',
        minItems: 1,
        maxItems: 32,
        items: {
          $ref: '#/components/schemas/TmpfsMountSpec',
        },
      },
      TemplateTags: {
        type: 'array',
        maxItems: 20,
        items: {
          $ref: '#/components/schemas/Tag',
        },
      },
      TmpfsTemplateInput: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'title', 'owner', 'mounts'],
        properties: {
          name: {
            $ref: '#/components/schemas/TemplateName',
          },
          title: {
            $ref: '#/components/schemas/TemplateTitle',
          },
          description: {
            $ref: '#/components/schemas/TemplateDescription',
          },
          owner: {
            $ref: '#/components/schemas/GroupRef',
          },
          mounts: {
            $ref: '#/components/schemas/TemplateMounts',
          },
          readonlyRootFilesystem: {
            type: 'boolean',
          },
          tags: {
            $ref: '#/components/schemas/TemplateTags',
          },
        },
      },
      TmpfsTemplateUpdate: {
        type: 'object',
        additionalProperties: false,
        required: ['title', 'owner', 'mounts', 'version'],
        properties: {
          title: {
            $ref: '#/components/schemas/TemplateTitle',
          },
          description: {
            $ref: '#/components/schemas/TemplateDescription',
          },
          owner: {
            $ref: '#/components/schemas/GroupRef',
          },
          mounts: {
            $ref: '#/components/schemas/TemplateMounts',
          },
          readonlyRootFilesystem: {
            type: 'boolean',
          },
          tags: {
            $ref: '#/components/schemas/TemplateTags',
          },
          version: {
            type: 'integer',
            minimum: 1,
            maximum: 2147483647,
            description: 'the version you read; a stale one answers 409',
          },
        },
      },
      TmpfsTemplate: {
        type: 'object',
        additionalProperties: false,
        required: [
          'name',
          'title',
          'description',
          'owner',
          'mounts',
          'readonlyRootFilesystem',
          'tags',
          'source',
          'readOnly',
          'version',
        ],
        properties: {
          name: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          description: {
            type: 'string',
          },
          owner: {
            type: 'string',
          },
          mounts: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/TmpfsMountSpec',
            },
          },
          readonlyRootFilesystem: {
            type: 'boolean',
          },
          tags: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          source: {
            type: 'string',
            enum: ['builtin', 'config', 'database'],
          },
          readOnly: {
            type: 'boolean',
            description: 'true for builtin and config templates',
          },
          version: {
            type: 'integer',
          },
          createdBy: {
            type: 'string',
          },
          createdAt: {
            type: 'string',
            format: 'date-time',
          },
          updatedBy: {
            type: 'string',
          },
          updatedAt: {
            type: 'string',
            format: 'date-time',
          },
        },
      },
      TemplatePage: {
        type: 'object',
        additionalProperties: false,
        required: ['items', 'totalCount', 'offset', 'limit'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/TmpfsTemplate',
            },
          },
          totalCount: {
            type: 'integer',
          },
          offset: {
            type: 'integer',
          },
          limit: {
            type: 'integer',
          },
        },
      },
      ValidateRequest: {
        type: 'object',
        additionalProperties: false,
        description: 'exactly one of `taskDefinition` or `template`',
        properties: {
          taskDefinition: {
            description:
              'a task definition, an array of them, a DescribeTaskDefinition response or `{ taskDefinitions: [...] }`',
            type: ['object', 'array'],
          },
          template: {
            $ref: '#/components/schemas/TmpfsTemplateInput',
          },
          observedPeakMiB: {
            type: 'number',
            minimum: 0,
            maximum: 2147483647,
          },
        },
      },
      Finding: {
        type: 'object',
        additionalProperties: false,
        required: ['ruleId', 'severity', 'path', 'message', 'fix'],
        properties: {
          ruleId: {
            type: 'string',
          },
          severity: {
            type: 'string',
            enum: ['error', 'warning', 'info'],
          },
          path: {
            type: 'string',
          },
          container: {
            type: 'string',
          },
          message: {
            type: 'string',
          },
          fix: {
            type: 'string',
          },
        },
      },
      ValidateResponse: {
        type: 'object',
        additionalProperties: false,
        required: ['valid', 'findings'],
        properties: {
          valid: {
            type: 'boolean',
            description: 'false when any finding is an error',
          },
          findings: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Finding',
            },
          },
          headroom: {
            description:
              'HeadroomResult of the common package (when the document holds exactly one task definition)',
          },
        },
      },
      Error: {
        type: 'object',
        required: ['error', 'response'],
        properties: {
          error: {
            type: 'object',
            required: ['name', 'message'],
            properties: {
              name: {
                type: 'string',
              },
              message: {
                type: 'string',
              },
            },
          },
          request: {
            type: 'object',
            properties: {
              method: {
                type: 'string',
              },
              url: {
                type: 'string',
              },
            },
          },
          response: {
            type: 'object',
            required: ['statusCode'],
            properties: {
              statusCode: {
                type: 'integer',
              },
            },
          },
          findings: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Finding',
            },
          },
        },
      },
    },
    responses: {
      ErrorResponse: {
        description: 'An error',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Error',
            },
          },
        },
      },
    },
  },
  paths: {
    '/templates': {
      get: {
        operationId: 'ListTemplates',
        description:
          'Built-in, config and stored templates, filtered and paginated.',
        parameters: [
          {
            name: 'owner',
            in: 'query',
            required: false,
            schema: {
              $ref: '#/components/schemas/GroupRef',
            },
          },
          {
            name: 'tag',
            in: 'query',
            required: false,
            schema: {
              $ref: '#/components/schemas/Tag',
            },
          },
          {
            name: 'offset',
            in: 'query',
            required: false,
            schema: {
              type: 'integer',
              minimum: 0,
              maximum: 1000000,
              default: 0,
            },
          },
          {
            name: 'limit',
            in: 'query',
            required: false,
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 200,
              default: 50,
            },
          },
        ],
        responses: {
          '200': {
            description: 'A page of templates',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/TemplatePage',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
      post: {
        operationId: 'CreateTemplate',
        description:
          'Create a template (permission `ecs-tmpfs.template.create`).',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/TmpfsTemplateInput',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'Created',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/TmpfsTemplate',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/templates/{name}': {
      get: {
        operationId: 'GetTemplate',
        parameters: [
          {
            $ref: '#/components/parameters/templateName',
          },
        ],
        responses: {
          '200': {
            description: 'The template',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/TmpfsTemplate',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
      put: {
        operationId: 'UpdateTemplate',
        description:
          'Replace a stored template (permission `ecs-tmpfs.template.update`). Send the `version` you read; a stale one answers 409. Built-in and config templates answer 403.',
        parameters: [
          {
            $ref: '#/components/parameters/templateName',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/TmpfsTemplateUpdate',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The updated template',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/TmpfsTemplate',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
      delete: {
        operationId: 'DeleteTemplate',
        description:
          'Delete a stored template (permission `ecs-tmpfs.template.delete`).',
        parameters: [
          {
            $ref: '#/components/parameters/templateName',
          },
        ],
        responses: {
          '204': {
            description: 'Deleted',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/validate': {
      post: {
        operationId: 'Validate',
        description:
          'Lint a task definition (with headroom) or a template body with the rule catalogue. Nothing is stored.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/ValidateRequest',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'Findings and headroom',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ValidateResponse',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/entity-services': {
      get: {
        operationId: 'GetEntityServices',
        description:
          "The ECS services a catalog entity maps through `aws.amazon.com/amazon-ecs-service-arn` (one ARN or a comma list) and `aws.amazon.com/amazon-ecs-service-tags` (`key=value,key=value`, all must match), from the stored inventory. The entity is read with the caller's credentials, so catalog read access applies (404 when not visible).",
        parameters: [
          {
            name: 'entityRef',
            in: 'query',
            required: true,
            allowReserved: true,
            schema: {
              type: 'string',
            },
          },
        ],
        responses: {
          '200': {
            description:
              '`EntityServicesResponse`: services with containers, tmpfs, findings, headroom, memory series and freshness',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/service': {
      get: {
        operationId: 'GetService',
        description:
          "One stored service's `ServiceView` (permission `ecs-tmpfs.fleet.read`).",
        parameters: [
          {
            name: 'arn',
            in: 'query',
            required: true,
            allowReserved: true,
            schema: {
              type: 'string',
            },
          },
        ],
        responses: {
          '200': {
            description: '`ServiceView`',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/fleet': {
      get: {
        operationId: 'GetFleet',
        description:
          'Every stored service with owner, headroom, status and finding counts, filtered, sorted and paged in the database (permission `ecs-tmpfs.fleet.read`). Array parameters may be repeated or comma lists. Services gone from AWS are left out unless `includeGone=true`.',
        parameters: [
          {
            name: 'owner',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'array',
              items: {
                type: 'string',
              },
            },
          },
          {
            name: 'status',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'array',
              items: {
                type: 'string',
              },
            },
          },
          {
            name: 'accountId',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'array',
              items: {
                type: 'string',
              },
            },
          },
          {
            name: 'region',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'array',
              items: {
                type: 'string',
              },
            },
          },
          {
            name: 'search',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'string',
            },
          },
          {
            name: 'sort',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'string',
            },
          },
          {
            name: 'order',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'string',
            },
          },
          {
            name: 'includeGone',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'string',
            },
          },
          {
            name: 'offset',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'string',
            },
          },
          {
            name: 'limit',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'string',
            },
          },
        ],
        responses: {
          '200': {
            description:
              '`FleetResponse`: a page of `FleetRow`s plus per-owner roll-ups of the whole filtered set',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/fleet.csv': {
      get: {
        operationId: 'GetFleetCsv',
        description:
          'The filtered fleet (same parameters as `/fleet`, no paging) as CSV.',
        parameters: [
          {
            name: 'owner',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'array',
              items: {
                type: 'string',
              },
            },
          },
          {
            name: 'status',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'array',
              items: {
                type: 'string',
              },
            },
          },
          {
            name: 'accountId',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'array',
              items: {
                type: 'string',
              },
            },
          },
          {
            name: 'region',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'array',
              items: {
                type: 'string',
              },
            },
          },
          {
            name: 'search',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'string',
            },
          },
          {
            name: 'sort',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'string',
            },
          },
          {
            name: 'order',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'string',
            },
          },
          {
            name: 'includeGone',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'string',
            },
          },
          {
            name: 'offset',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'string',
            },
          },
          {
            name: 'limit',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'string',
            },
          },
        ],
        responses: {
          '200': {
            description: 'CSV, one row per service',
            content: {
              'text/csv': {
                schema: {
                  type: 'string',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/sync/status': {
      get: {
        operationId: 'GetSyncStatus',
        description:
          'The last and running sync of every configured account × Region (with progress), and the recent history with API calls by operation, retries, services, new revisions and errors.',
        responses: {
          '200': {
            description: '`SyncStatusResponse`',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/sync/trigger': {
      post: {
        operationId: 'TriggerSync',
        description:
          'Start a sync of every configured target, or of the one account and/or Region given (permission `ecs-tmpfs.sync.trigger`). A target already syncing returns its running run.',
        requestBody: {
          required: false,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  accountId: {
                    type: 'string',
                  },
                  region: {
                    type: 'string',
                  },
                },
              },
            },
          },
        },
        responses: {
          '202': {
            description: '`{ runs: SyncRun[] }`',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
  },
} as const;

export const createOpenApiRouter = (
  options?: Parameters<typeof createValidatedOpenApiRouter>[1],
) => createValidatedOpenApiRouter<typeof spec>(spec, options);
