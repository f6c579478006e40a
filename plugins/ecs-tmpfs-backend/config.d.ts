import type { HumanDuration } from '@backstage/types';

export interface Config {
  /** Settings of the ECS tmpfs plugins (backend, scaffolder module). */
  ecsTmpfs?: {
    /**
     * Headroom threshold as a fraction of a service's memory limit: below it a service is
     * `low` (rule `headroom-low`). Default 0.1.
     * @visibility frontend
     */
    headroomThreshold?: number;

    /**
     * Extra tmpfs templates. They are listed with the built-in ones and are read-only in the
     * API (edit them here, not there).
     */
    templates?: Array<{
      name: string;
      title: string;
      description?: string;
      /** catalog group ref, e.g. group:default/platform */
      owner: string;
      mounts: Array<{
        containerPath: string;
        /** MiB */
        size: number;
        mountOptions?: string[];
      }>;
      readonlyRootFilesystem?: boolean;
      tags?: string[];
    }>;

    /** Which AWS accounts and Regions to scan. Credentials come from `aws.*` (integration-aws-node). */
    targets?: Array<{
      accountId: string;
      regions: string[];
    }>;

    /**
     * Endpoint overrides, for the local simulator or a compatible emulator. Unset in production.
     * `{region}` in a URL is replaced by the Region.
     */
    endpoints?: {
      ecs?: string;
      cloudwatch?: string;
    };

    sync?: {
      /** Turn the scheduled sync off (the API can still trigger one). Default true. */
      enabled?: boolean;
      /** How often to sync every target. Default 10 minutes. */
      frequency?: HumanDuration | string;
      /** Give up on a run after this long. Default 15 minutes. */
      timeout?: HumanDuration | string;
      /** Delay before the first scheduled run after start-up. Default 10 seconds. */
      initialDelay?: HumanDuration | string;
      /** Metrics window in days. Default 14. */
      metricsWindowDays?: number;
      /** Metrics period in seconds (60, 300, 3600 …). Default 300. */
      metricsPeriodSeconds?: number;
    };
  };
}
