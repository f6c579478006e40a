/** @public */
export type HeadroomStatus = 'ok' | 'low' | 'exhausted' | 'unknown';

/** @public */
export type MemoryLimitSource =
  | 'task-memory'
  | 'container-hard-limits'
  | 'container-soft-limits'
  | 'unknown';

/** @public */
export interface ContainerTmpfs {
  container: string;
  /** sum of `size` of valid tmpfs mounts, MiB */
  tmpfsMiB: number;
  /** the container's hard limit, when set */
  memoryMiB?: number;
}

/** @public */
export interface SizeRecommendation {
  kind: 'fargate' | 'ec2';
  /** Fargate: task cpu units of the recommended pair */
  cpu?: number;
  /** recommended memory limit, MiB */
  memoryMiB: number;
  /** why: e.g. "smallest valid Fargate size keeping 10 % headroom" */
  reason: string;
  /** true when it is smaller than today's size */
  downsize: boolean;
}

/**
 * Conservative worst case: `headroom = memory limit − observed peak − tmpfs capacity`.
 * Observed use from CloudWatch may already include what sat in tmpfs, so this double-counts
 * on purpose: plan as if every tmpfs fills on top of the peak.
 * @public
 */
export interface HeadroomResult {
  formula: string;
  limitMiB?: number;
  limitSource: MemoryLimitSource;
  tmpfsTotalMiB: number;
  perContainer: ContainerTmpfs[];
  observedPeakMiB?: number;
  /** undefined when there are no metrics or no limit */
  headroomMiB?: number;
  /** headroom / limit, 0..1 (negative when exhausted) */
  headroomRatio?: number;
  thresholdRatio: number;
  status: HeadroomStatus;
  recommendation?: SizeRecommendation;
}
