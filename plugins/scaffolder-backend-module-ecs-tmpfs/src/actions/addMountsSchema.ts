import type { z as zod } from 'zod';
import { FAIL_ON_VALUES } from '../lib/severity';

type Z = typeof zod;

const mountSpec = (z: Z) =>
  z.object({
    containerPath: z
      .string()
      .describe('Absolute path inside the container, e.g. /tmp'),
    size: z.number().int().min(1).describe('Size in MiB'),
    mountOptions: z
      .array(z.string())
      .optional()
      .describe('tmpfs options, e.g. ["noexec","nosuid","nodev","mode=0700"]'),
  });

export const addMountsInput = {
  path: (z: Z) =>
    z
      .string()
      .optional()
      .describe(
        'Task definition JSON file in the workspace (a task definition or a describe-task-definition response). It is rewritten in place, keeping its formatting.',
      ),
  taskDefinitionArn: (z: Z) =>
    z
      .string()
      .optional()
      .describe(
        'Live task definition to start from, read with DescribeTaskDefinition (account and Region from the ARN)',
      ),
  serviceArn: (z: Z) =>
    z
      .string()
      .optional()
      .describe(
        "ECS service: its latest observed memory peak feeds the projected headroom; without path or taskDefinitionArn the service's current task definition is read live",
      ),
  outputPath: (z: Z) =>
    z
      .string()
      .optional()
      .describe(
        'Workspace file to write the new task definition to (default: path; a live task definition is written only when this is set)',
      ),
  containers: (z: Z) =>
    z
      .array(z.string().min(1))
      .optional()
      .describe(
        'Container names to change (default: every essential container)',
      ),
  template: (z: Z) =>
    z
      .string()
      .optional()
      .describe('Name of a tmpfs template from the ecs-tmpfs backend'),
  mounts: (z: Z) =>
    z
      .array(mountSpec(z))
      .optional()
      .describe('Explicit tmpfs mounts, instead of a template'),
  applySecureDefaults: (z: Z) =>
    z
      .boolean()
      .optional()
      .describe(
        'Add noexec,nosuid,nodev to every mount and mode=0700 to secret paths (default true)',
      ),
  readonlyRootFilesystem: (z: Z) =>
    z
      .boolean()
      .optional()
      .describe(
        "Also set readonlyRootFilesystem: true (default: the template's setting, else false)",
      ),
  failOn: (z: Z) =>
    z
      .enum(FAIL_ON_VALUES)
      .optional()
      .describe(
        'Fail the step when a finding of this severity or worse remains after the change (default error)',
      ),
};

const json = (z: Z) => z.any();

export const addMountsOutput = {
  taskDefinition: (z: Z) =>
    z
      .record(z.any())
      .describe(
        'The new task definition, without environment values or secret references (safe to show)',
      ),
  tags: (z: Z) => z.array(z.object({ key: z.string(), value: z.string() })),
  changed: (z: Z) => z.boolean(),
  written: (z: Z) =>
    z.boolean().describe('Whether a workspace file was written'),
  path: (z: Z) =>
    z.string().optional().describe('The workspace file written, if any'),
  sourceTaskDefinitionArn: (z: Z) => z.string().optional(),
  accountId: (z: Z) => z.string().optional(),
  region: (z: Z) => z.string().optional(),
  diff: (z: Z) => z.array(json(z)).describe('add/replace entries by JSON path'),
  findingsBefore: (z: Z) => z.array(json(z)),
  findingsAfter: (z: Z) => z.array(json(z)),
  findingCounts: (z: Z) =>
    z.object({ before: z.record(z.number()), after: z.record(z.number()) }),
  headroomBefore: (z: Z) => json(z),
  headroomAfter: (z: Z) => json(z),
  observedPeakMiB: (z: Z) =>
    z
      .number()
      .optional()
      .describe("The service's latest observed memory peak, when known"),
  summary: (z: Z) => z.string().describe('One line for a template output'),
};
