import { InputError, NotFoundError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  addTmpfsMounts,
  countFindings,
  lintTemplate,
  redactTaskDefinition,
  TransformError,
  validateTemplateInput,
  type AddTmpfsMountsResult,
  type TmpfsMountSpec,
} from '@internal/plugin-ecs-tmpfs-common';
import type { AwsClientFactory } from '@internal/plugin-ecs-tmpfs-node';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { EcsTmpfsApi } from '../lib/ecsTmpfsApi';
import {
  DEFAULT_JSON_FORMAT,
  formatJson,
  type JsonFormat,
} from '../lib/jsonFormat';
import {
  currentServiceTaskDefinitionArn,
  describeLiveTaskDefinition,
} from '../lib/liveTaskDefinition';
import {
  blockingFindings,
  describeFindings,
  FAIL_ON_VALUES,
} from '../lib/severity';
import {
  readTaskDefinitionDocument,
  type TaskDefinitionDocument,
} from '../lib/taskDefinitionDocument';
import {
  readWorkspaceJson,
  resolveWorkspacePath,
  writeFileAtomically,
} from '../lib/workspaceFile';
import { addMountsExamples } from './addMounts.examples';

/** a whole existing tmpfs entry, e.g. `containerDefinitions[0].linuxParameters.tmpfs[1]` */
const EXISTING_MOUNT_PATH = /\.linuxParameters\.tmpfs\[\d+\]$/;

export const ADD_MOUNTS_ACTION_ID = 'ecs-tmpfs:task-definition:add-mounts';

/** @public */
export interface AddTmpfsMountsActionOptions {
  clients: AwsClientFactory;
  api: EcsTmpfsApi;
  /** `ecsTmpfs.headroomThreshold`, default 0.1 */
  headroomThreshold?: number;
}

interface LoadedSource {
  document: TaskDefinitionDocument;
  /** the workspace file it came from, if any */
  path?: string;
  format: JsonFormat;
  taskDefinitionArn?: string;
  accountId?: string;
  region?: string;
}

/**
 * `ecs-tmpfs:task-definition:add-mounts`: adds tmpfs mounts from a template (or explicit
 * mounts) to a task definition with the common transform, reports findings and headroom
 * before and after, and writes the result back with the file's own formatting.
 * @public
 */
export function createAddTmpfsMountsAction(
  options: AddTmpfsMountsActionOptions,
) {
  const { clients, api } = options;
  return createTemplateAction({
    id: ADD_MOUNTS_ACTION_ID,
    description:
      'Adds tmpfs mounts (from a tmpfs template or explicit mounts) to an ECS task definition, with secure options and an optional read-only root, and reports the findings and projected memory headroom before and after. Changes nothing else.',
    examples: addMountsExamples,
    supportsDryRun: true,
    schema: {
      input: {
        path: z =>
          z
            .string()
            .optional()
            .describe(
              'Task definition JSON file in the workspace (a task definition or a describe-task-definition response). It is rewritten in place, keeping its formatting.',
            ),
        taskDefinitionArn: z =>
          z
            .string()
            .optional()
            .describe(
              'Live task definition to start from, read with DescribeTaskDefinition (account and Region from the ARN)',
            ),
        serviceArn: z =>
          z
            .string()
            .optional()
            .describe(
              "ECS service: its latest observed memory peak feeds the projected headroom; without path or taskDefinitionArn the service's current task definition is read live",
            ),
        outputPath: z =>
          z
            .string()
            .optional()
            .describe(
              'Workspace file to write the new task definition to (default: path; a live task definition is written only when this is set)',
            ),
        containers: z =>
          z
            .array(z.string().min(1))
            .optional()
            .describe(
              'Container names to change (default: every essential container)',
            ),
        template: z =>
          z
            .string()
            .optional()
            .describe('Name of a tmpfs template from the ecs-tmpfs backend'),
        mounts: z =>
          z
            .array(
              z.object({
                containerPath: z
                  .string()
                  .describe('Absolute path inside the container, e.g. /tmp'),
                size: z.number().int().min(1).describe('Size in MiB'),
                mountOptions: z
                  .array(z.string())
                  .optional()
                  .describe(
                    'tmpfs options, e.g. ["noexec","nosuid","nodev","mode=0700"]',
                  ),
              }),
            )
            .optional()
            .describe('Explicit tmpfs mounts, instead of a template'),
        applySecureDefaults: z =>
          z
            .boolean()
            .optional()
            .describe(
              'Add noexec,nosuid,nodev to every mount and mode=0700 to secret paths (default true)',
            ),
        readonlyRootFilesystem: z =>
          z
            .boolean()
            .optional()
            .describe(
              "Also set readonlyRootFilesystem: true (default: the template's setting, else false)",
            ),
        failOn: z =>
          z
            .enum(FAIL_ON_VALUES)
            .optional()
            .describe(
              'Fail the step when a finding of this severity or worse remains after the change (default error)',
            ),
        replaceExisting: z =>
          z
            .boolean()
            .optional()
            .describe(
              'Allow replacing a tmpfs mount that already exists at the same path with a different size or options (default false: the step fails and names it)',
            ),
      },
      output: {
        taskDefinition: z =>
          z
            .record(z.any())
            .describe(
              'The new task definition, without environment values or secret references (safe to show)',
            ),
        tags: z => z.array(z.object({ key: z.string(), value: z.string() })),
        changed: z => z.boolean(),
        written: z =>
          z.boolean().describe('Whether a workspace file was written'),
        path: z =>
          z.string().optional().describe('The workspace file written, if any'),
        sourceTaskDefinitionArn: z => z.string().optional(),
        accountId: z => z.string().optional(),
        region: z => z.string().optional(),
        diff: z =>
          z.array(z.any()).describe('add/replace entries by JSON path'),
        findingsBefore: z => z.array(z.any()),
        findingsAfter: z => z.array(z.any()),
        findingCounts: z =>
          z.object({
            before: z.record(z.number()),
            after: z.record(z.number()),
          }),
        headroomBefore: z => z.any(),
        headroomAfter: z => z.any(),
        observedPeakMiB: z =>
          z
            .number()
            .optional()
            .describe("The service's latest observed memory peak, when known"),
        summary: z => z.string().describe('One line for a template output'),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      const failOn = input.failOn ?? 'error';
      // A template form sends [] for "no choice": that means every essential container.
      const containers = input.containers?.length
        ? input.containers
        : undefined;

      const sources = [input.path, input.taskDefinitionArn].filter(Boolean);
      if (sources.length > 1) {
        throw new InputError('Give either path or taskDefinitionArn, not both');
      }
      if (sources.length === 0 && !input.serviceArn) {
        throw new InputError(
          'One of path, taskDefinitionArn or serviceArn is required',
        );
      }
      // Resolve the output file before any remote call, so a bad path fails first.
      const targetPath = input.outputPath ?? input.path;
      const targetAbsolute = targetPath
        ? resolveWorkspacePath(
            ctx.workspacePath,
            targetPath,
            input.outputPath ? 'outputPath' : 'path',
          )
        : undefined;

      const request = await resolveMounts(api, input);
      const source = await loadSource(ctx.workspacePath, clients, input);
      checkContainers(source.document, containers);

      const observedPeakMiB = input.serviceArn
        ? await observedPeak(api, input.serviceArn, ctx.logger)
        : undefined;

      let result: AddTmpfsMountsResult;
      try {
        result = addTmpfsMounts(source.document.parsed.raw, {
          containers,
          mounts: request.mounts,
          applySecureDefaults: input.applySecureDefaults ?? true,
          readonlyRootFilesystem:
            input.readonlyRootFilesystem ?? request.readonlyRootFilesystem,
          lintOptions: {
            headroomThreshold: options.headroomThreshold,
            observedPeakMiB,
            metricsAvailable: Boolean(input.serviceArn),
          },
        });
      } catch (error) {
        if (error instanceof TransformError) {
          throw new InputError(error.message);
        }
        throw error;
      }

      // "Add" must not quietly shrink or weaken a mount the service already has.
      const replaced = result.diff.filter(
        d => d.op === 'replace' && EXISTING_MOUNT_PATH.test(d.path),
      );
      if (replaced.length > 0 && !input.replaceExisting) {
        throw new InputError(
          `The task definition already has ${replaced
            .map(
              d =>
                `${d.path} = ${JSON.stringify(
                  d.before,
                )} (would become ${JSON.stringify(d.after)})`,
            )
            .join(
              '; ',
            )}: set replaceExisting: true to replace it, or choose another path`,
        );
      }

      const after = result.after;
      const summary = `${result.changed ? 'Changes' : 'No change'}: ${
        result.diff.length
      } edit(s); findings ${formatCounts(
        countFindings(result.before.findings),
      )} → ${formatCounts(countFindings(after.findings))}; headroom ${
        after.headroom.status
      }${
        after.headroom.headroomMiB !== undefined
          ? ` (${after.headroom.headroomMiB} MiB)`
          : ''
      }`;
      ctx.logger.info(summary);
      for (const entry of result.diff) {
        ctx.logger.info(`${entry.op} ${entry.path}`);
      }
      if (after.findings.length > 0) {
        ctx.logger.info(`Findings after: ${describeFindings(after.findings)}`);
      }

      const blocking = blockingFindings(after.findings, failOn);
      if (blocking.length > 0) {
        throw new InputError(
          `The new task definition still has ${
            blocking.length
          } finding(s) at or above '${failOn}': ${describeFindings(blocking)}`,
        );
      }

      let written = false;
      if (targetAbsolute && !ctx.isDryRun) {
        const inPlace = targetPath === source.path;
        if (result.changed || !inPlace) {
          await fs.mkdir(path.dirname(targetAbsolute), { recursive: true });
          await writeFileAtomically(
            targetAbsolute,
            formatJson(
              source.document.replace(result.taskDefinition),
              source.format,
            ),
          );
          written = true;
        }
      }
      if (ctx.isDryRun) {
        ctx.logger.info('Dry run: no file written');
      }

      ctx.output('taskDefinition', redactTaskDefinition(result.taskDefinition));
      ctx.output('tags', source.document.tags);
      ctx.output('changed', result.changed);
      ctx.output('written', written);
      if (written && targetPath) {
        ctx.output('path', targetPath);
      }
      if (source.taskDefinitionArn) {
        ctx.output('sourceTaskDefinitionArn', source.taskDefinitionArn);
      }
      if (source.accountId && source.region) {
        ctx.output('accountId', source.accountId);
        ctx.output('region', source.region);
      }
      ctx.output('diff', toJson(result.diff));
      ctx.output('findingsBefore', toJson(result.before.findings));
      ctx.output('findingsAfter', toJson(after.findings));
      ctx.output('findingCounts', {
        before: countFindings(result.before.findings),
        after: countFindings(after.findings),
      });
      ctx.output('headroomBefore', toJson(result.before.headroom));
      ctx.output('headroomAfter', toJson(after.headroom));
      if (observedPeakMiB !== undefined) {
        ctx.output('observedPeakMiB', observedPeakMiB);
      }
      ctx.output('summary', summary);
    },
  });
}

async function resolveMounts(
  api: EcsTmpfsApi,
  input: { template?: string; mounts?: TmpfsMountSpec[] },
): Promise<{ mounts: TmpfsMountSpec[]; readonlyRootFilesystem?: boolean }> {
  if (input.template && input.mounts) {
    throw new InputError('Give either template or mounts, not both');
  }
  if (input.template) {
    const template = await api.getTemplate(input.template);
    if (!template) {
      throw new NotFoundError(
        `template '${input.template}' is not a known tmpfs template`,
      );
    }
    return {
      mounts: template.mounts,
      readonlyRootFilesystem: template.readonlyRootFilesystem,
    };
  }
  if (!input.mounts || input.mounts.length === 0) {
    throw new InputError('One of template or mounts is required');
  }
  // Explicit mounts pass the same checks as a stored template.
  const asTemplate = {
    name: 'explicit-mounts',
    title: 'Explicit mounts',
    owner: 'group:default/scaffolder',
    mounts: input.mounts,
  };
  const { errors } = validateTemplateInput(asTemplate);
  if (errors.length > 0) {
    throw new InputError(
      `Invalid mounts: ${errors
        .map(e => `${e.field}: ${e.message}`)
        .join('; ')}`,
    );
  }
  const refused = lintTemplate(asTemplate).filter(f => f.severity === 'error');
  if (refused.length > 0) {
    throw new InputError(`Invalid mounts: ${describeFindings(refused)}`);
  }
  return { mounts: input.mounts };
}

async function loadSource(
  workspacePath: string,
  clients: AwsClientFactory,
  input: { path?: string; taskDefinitionArn?: string; serviceArn?: string },
): Promise<LoadedSource> {
  if (input.path) {
    const file = await readWorkspaceJson(workspacePath, input.path, 'path');
    return {
      document: readTaskDefinitionDocument(file.doc, `path '${input.path}'`),
      path: input.path,
      format: file.format,
    };
  }
  const arn =
    input.taskDefinitionArn ??
    (await currentServiceTaskDefinitionArn(clients, input.serviceArn!));
  const live = await describeLiveTaskDefinition(
    clients,
    arn,
    input.taskDefinitionArn
      ? 'taskDefinitionArn'
      : 'the current task definition of serviceArn',
  );
  return {
    document: readTaskDefinitionDocument(live.document, live.taskDefinitionArn),
    format: DEFAULT_JSON_FORMAT,
    taskDefinitionArn: live.taskDefinitionArn,
    accountId: live.accountId,
    region: live.region,
  };
}

function checkContainers(
  document: TaskDefinitionDocument,
  containers: string[] | undefined,
) {
  const names = document.parsed.model.containers.map(c => c.name);
  const unknown = (containers ?? []).filter(name => !names.includes(name));
  if (unknown.length > 0) {
    throw new InputError(
      `containers: ${unknown
        .map(n => `'${n}'`)
        .join(', ')} not found in the task definition (containers: ${names.join(
        ', ',
      )})`,
    );
  }
}

async function observedPeak(
  api: EcsTmpfsApi,
  serviceArn: string,
  logger: { warn(message: string): void },
): Promise<number | undefined> {
  try {
    const service = await api.getService(serviceArn);
    if (!service) {
      logger.warn(
        `The ecs-tmpfs backend has no data for ${serviceArn}: headroom is unknown`,
      );
    }
    return service?.headroom.observedPeakMiB;
  } catch (error) {
    // Headroom then reads "unknown", which is the truth; the mount itself does not depend on it.
    logger.warn(
      `Could not read the observed memory peak of ${serviceArn}: ${
        (error as Error).message
      }`,
    );
    return undefined;
  }
}

function formatCounts(counts: Record<string, number>): string {
  return `${counts.error ?? 0}E/${counts.warning ?? 0}W/${counts.info ?? 0}I`;
}

/** plain JSON for step outputs (drops undefined members) */
function toJson<T>(value: T): any {
  return JSON.parse(JSON.stringify(value));
}
