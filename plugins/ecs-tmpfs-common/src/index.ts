/**
 * Isomorphic model, rules, headroom maths and transforms shared by the ECS tmpfs plugins.
 * Pure: no I/O, no Node or browser APIs, so the backend, the frontend, the scaffolder module
 * and the CLI all run the same code.
 *
 * @packageDocumentation
 */
export * from './model/types';
export * from './rules/types';
export * from './headroom/types';
export * from './api/types';
export * from './permissions';

export {
  TaskDefinitionParseError,
  parseTaskDefinitionDocument,
  parseTaskDefinition,
  parseCpuUnits,
  parseMemoryMiB,
} from './model/parse';
export {
  redactTaskDefinition,
  toRegisterInput,
  DESCRIBE_ONLY_FIELDS,
} from './model/redact';
export {
  normaliseContainerPath,
  normaliseMountOptions,
  isSecretPath,
  isValidTmpfsSize,
  SECURE_MOUNT_OPTIONS,
  ECS_TMPFS_MOUNT_OPTIONS,
} from './model/mounts';
export { joinPath, prefixPath } from './model/json';
export {
  FARGATE_SIZES,
  isValidFargateSize,
  smallestFargateSize,
} from './headroom/fargate';
export {
  computeHeadroom,
  HEADROOM_FORMULA,
  DEFAULT_HEADROOM_THRESHOLD,
} from './headroom/headroom';
export {
  RULES,
  lintTaskDefinition,
  worstSeverity,
  countFindings,
  compareFindings,
  type LintResult,
} from './rules/index';
export {
  addTmpfsMounts,
  secureMountOptions,
  TransformError,
  type AddTmpfsMountsRequest,
  type AddTmpfsMountsResult,
  type TaskDefinitionDiffEntry,
} from './transform/addTmpfsMounts';
export {
  validateTemplateInput,
  validateMountSpecs,
  lintTemplate,
  type FieldError,
} from './transform/templateFindings';
