import type { Config } from '@backstage/config';
import { readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';
import type { HumanDuration } from '@backstage/types';
import type { SyncSettings } from './sync/SyncRunner';

export interface InventoryConfig extends SyncSettings {
  scheduleEnabled: boolean;
  frequency: HumanDuration;
  timeout: HumanDuration;
  initialDelay: HumanDuration;
}

function duration(
  config: Config,
  key: string,
  fallback: HumanDuration,
): HumanDuration {
  return config.has(key) ? readDurationFromConfig(config, { key }) : fallback;
}

/** `ecsTmpfs.sync.*` and `ecsTmpfs.headroomThreshold`, with the documented defaults. */
export function readInventoryConfig(root: Config): InventoryConfig {
  const sync = root.getOptionalConfig('ecsTmpfs.sync');
  const metricsWindowDays = sync?.getOptionalNumber('metricsWindowDays') ?? 14;
  const metricsPeriodSeconds =
    sync?.getOptionalNumber('metricsPeriodSeconds') ?? 300;
  const headroomThreshold =
    root.getOptionalNumber('ecsTmpfs.headroomThreshold') ?? 0.1;
  if (!(metricsWindowDays > 0 && metricsWindowDays <= 63)) {
    throw new InputError(
      `ecsTmpfs.sync.metricsWindowDays must be between 1 and 63, got ${metricsWindowDays}`,
    );
  }
  if (
    !Number.isInteger(metricsPeriodSeconds) ||
    metricsPeriodSeconds < 60 ||
    metricsPeriodSeconds % 60 !== 0
  ) {
    throw new InputError(
      `ecsTmpfs.sync.metricsPeriodSeconds must be a multiple of 60, got ${metricsPeriodSeconds}`,
    );
  }
  if (!(headroomThreshold >= 0 && headroomThreshold < 1)) {
    throw new InputError(
      `ecsTmpfs.headroomThreshold must be a fraction between 0 and 1, got ${headroomThreshold}`,
    );
  }
  return {
    scheduleEnabled: sync?.getOptionalBoolean('enabled') ?? true,
    frequency: sync
      ? duration(sync, 'frequency', { minutes: 10 })
      : { minutes: 10 },
    timeout: sync
      ? duration(sync, 'timeout', { minutes: 15 })
      : { minutes: 15 },
    initialDelay: sync
      ? duration(sync, 'initialDelay', { seconds: 10 })
      : { seconds: 10 },
    metricsWindowDays,
    metricsPeriodSeconds,
    headroomThreshold,
  };
}
