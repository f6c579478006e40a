import {
  RegisterTaskDefinitionCommand,
  type RegisterTaskDefinitionCommandInput,
} from '@aws-sdk/client-ecs';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  countFindings,
  lintTaskDefinition,
  toRegisterInput,
} from '@internal/plugin-ecs-tmpfs-common';
import type { AwsClientFactory } from '@internal/plugin-ecs-tmpfs-node';
import { ecsClientFor } from '../lib/awsTargets';
import { parseEcsArn } from '../lib/ecsArn';
import { blockingFindings, describeFindings } from '../lib/severity';
import {
  readTaskDefinitionDocument,
  type TaskDefinitionDocument,
} from '../lib/taskDefinitionDocument';
import { readWorkspaceJson } from '../lib/workspaceFile';
import { registerExamples } from './register.examples';

export const REGISTER_ACTION_ID = 'ecs-tmpfs:task-definition:register';

/** @public */
export interface RegisterTaskDefinitionActionOptions {
  clients: AwsClientFactory;
}

/**
 * `ecs-tmpfs:task-definition:register`: registers a task definition as a new revision with
 * RegisterTaskDefinition, without the read-only fields a describe returns, with its tags, and
 * only when no finding at or above `failOn` (at least every error) remains.
 * @public
 */
export function createRegisterTaskDefinitionAction(
  options: RegisterTaskDefinitionActionOptions,
) {
  const { clients } = options;
  return createTemplateAction({
    id: REGISTER_ACTION_ID,
    description:
      'Registers an ECS task definition (a workspace file or an object) as a new revision, keeping its tags and every field except the read-only ones a describe returns. Refuses while error findings remain.',
    examples: registerExamples,
    supportsDryRun: true,
    schema: {
      input: {
        path: z =>
          z
            .string()
            .optional()
            .describe(
              'Task definition JSON file in the workspace, e.g. the one ecs-tmpfs:task-definition:add-mounts wrote',
            ),
        taskDefinition: z =>
          z
            .record(z.any())
            .optional()
            .describe(
              'The task definition itself (or a describe-task-definition response), instead of path',
            ),
        tags: z =>
          z
            .array(z.object({ key: z.string(), value: z.string() }))
            .optional()
            .describe(
              "Tags for the new revision (default: the document's tags)",
            ),
        accountId: z =>
          z
            .string()
            .regex(/^\d{12}$/)
            .optional()
            .describe('Default: the account of the taskDefinitionArn'),
        region: z =>
          z
            .string()
            .optional()
            .describe('Default: the Region of the taskDefinitionArn'),
        failOn: z =>
          z
            .enum(['error', 'warning', 'info'])
            .optional()
            .describe(
              'Refuse to register when a finding of this severity or worse is present (default error)',
            ),
      },
      output: {
        taskDefinitionArn: z =>
          z
            .string()
            .optional()
            .describe('ARN of the new revision (not set in a dry run)'),
        revision: z => z.number().optional(),
        family: z => z.string(),
        accountId: z => z.string(),
        region: z => z.string(),
        findingCounts: z => z.record(z.number()),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      const failOn = input.failOn ?? 'error';

      const document = await loadDocument(ctx.workspacePath, input);
      const { raw, model } = document.parsed;
      const family = raw.family;
      if (typeof family !== 'string' || family.length === 0) {
        throw new InputError('The task definition has no family');
      }

      const { findings } = lintTaskDefinition(document.parsed);
      const blocking = blockingFindings(findings, failOn);
      if (blocking.length > 0) {
        throw new InputError(
          `Refusing to register ${family}: ${
            blocking.length
          } finding(s) at or above '${failOn}': ${describeFindings(blocking)}`,
        );
      }

      const target = resolveTarget(raw.taskDefinitionArn, input);
      const ecs = await ecsClientFor(
        clients,
        target,
        input.accountId && input.region
          ? 'accountId/region'
          : `taskDefinitionArn ${model.taskDefinitionArn}`,
      );

      const tags = input.tags ?? document.tags;
      const registerInput = {
        ...toRegisterInput(raw),
        ...(tags.length > 0 ? { tags } : {}),
      } as unknown as RegisterTaskDefinitionCommandInput;

      ctx.output('family', family);
      ctx.output('accountId', target.accountId);
      ctx.output('region', target.region);
      ctx.output('findingCounts', countFindings(findings));

      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would register ${family} in ${target.accountId}/${target.region} with ${tags.length} tag(s)`,
        );
        return;
      }

      // A checkpoint, so a task resumed after a restart does not register a second revision.
      const registered = await ctx.checkpoint({
        key: `ecs-tmpfs-register-${target.accountId}-${target.region}-${family}`,
        fn: async () => {
          try {
            const response = await ecs.send(
              new RegisterTaskDefinitionCommand(registerInput),
            );
            return {
              taskDefinitionArn:
                response.taskDefinition?.taskDefinitionArn ?? '',
              revision: response.taskDefinition?.revision ?? 0,
            };
          } catch (error) {
            const name = (error as Error).name;
            if (
              name === 'ClientException' ||
              name === 'InvalidParameterException'
            ) {
              throw new InputError(
                `ECS refused the task definition ${family}: ${
                  (error as Error).message
                }`,
              );
            }
            throw error;
          }
        },
      });
      ctx.logger.info(`Registered ${registered.taskDefinitionArn}`);
      ctx.output('taskDefinitionArn', registered.taskDefinitionArn);
      ctx.output('revision', registered.revision);
    },
  });
}

async function loadDocument(
  workspacePath: string,
  input: { path?: string; taskDefinition?: Record<string, unknown> },
): Promise<TaskDefinitionDocument> {
  if (input.path && input.taskDefinition) {
    throw new InputError('Give either path or taskDefinition, not both');
  }
  if (input.path) {
    const file = await readWorkspaceJson(workspacePath, input.path, 'path');
    return readTaskDefinitionDocument(file.doc, `path '${input.path}'`);
  }
  if (input.taskDefinition) {
    return readTaskDefinitionDocument(input.taskDefinition, 'taskDefinition');
  }
  throw new InputError('One of path or taskDefinition is required');
}

function resolveTarget(
  taskDefinitionArn: unknown,
  input: { accountId?: string; region?: string },
): { accountId: string; region: string } {
  if (input.accountId && input.region) {
    return { accountId: input.accountId, region: input.region };
  }
  if (typeof taskDefinitionArn !== 'string') {
    throw new InputError(
      'accountId and region are required: the task definition has no taskDefinitionArn to take them from',
    );
  }
  const arn = parseEcsArn(
    taskDefinitionArn,
    'taskDefinitionArn',
    'task-definition',
  );
  return {
    accountId: input.accountId ?? arn.accountId,
    region: input.region ?? arn.region,
  };
}
