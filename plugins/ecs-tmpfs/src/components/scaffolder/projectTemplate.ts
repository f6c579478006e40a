import {
  addTmpfsMounts,
  type AddTmpfsMountsResult,
  type LaunchType,
  type ServiceView,
  type TmpfsTemplate,
} from '@internal/plugin-ecs-tmpfs-common';

const LAUNCH_TYPES: LaunchType[] = [
  'FARGATE',
  'EC2',
  'MANAGED_INSTANCES',
  'EXTERNAL',
];

/**
 * The parts of the service's running task definition that headroom and the mount rules
 * read, rebuilt from the stored view (the API never serves the raw document).
 */
export function taskDefinitionOfService(
  service: ServiceView,
): Record<string, unknown> {
  const launchType = LAUNCH_TYPES.find(t => t === service.launchType);
  return {
    family: service.family,
    revision: service.revision,
    ...(service.cpu !== undefined && { cpu: String(service.cpu) }),
    ...(service.memory !== undefined && { memory: String(service.memory) }),
    ...(launchType && { requiresCompatibilities: [launchType] }),
    ...(service.operatingSystemFamily && {
      runtimePlatform: { operatingSystemFamily: service.operatingSystemFamily },
    }),
    containerDefinitions: service.containers.map(c => ({
      name: c.name,
      essential: c.essential,
      readonlyRootFilesystem: c.readonlyRootFilesystem,
      ...(c.user !== undefined && { user: c.user }),
      ...(c.memory !== undefined && { memory: c.memory }),
      ...(c.memoryReservation !== undefined && {
        memoryReservation: c.memoryReservation,
      }),
      ...(c.tmpfs.length > 0 && { linuxParameters: { tmpfs: c.tmpfs } }),
      mountPoints: c.mountPoints,
    })),
  };
}

/** The choices of the scaffolder form that change what the action will do. */
export interface ProjectionChoices {
  /** empty or absent: every essential container, as the action does */
  containers?: string[];
  applySecureDefaults?: boolean;
  readonlyRootFilesystem?: boolean;
}

/**
 * What the `ecs-tmpfs:task-definition:add-mounts` action will produce for this service, with
 * the same transform and defaults, measured against the service's observed peak.
 */
export function projectTemplate(
  service: ServiceView,
  template: Pick<TmpfsTemplate, 'mounts' | 'readonlyRootFilesystem'>,
  choices: ProjectionChoices = {},
): AddTmpfsMountsResult {
  return addTmpfsMounts(taskDefinitionOfService(service), {
    containers: choices.containers?.length ? choices.containers : undefined,
    mounts: template.mounts,
    applySecureDefaults: choices.applySecureDefaults ?? true,
    readonlyRootFilesystem:
      choices.readonlyRootFilesystem ?? template.readonlyRootFilesystem,
    lintOptions: {
      metricsAvailable: true,
      observedPeakMiB: service.headroom.observedPeakMiB,
      headroomThreshold: service.headroom.thresholdRatio,
    },
  });
}
