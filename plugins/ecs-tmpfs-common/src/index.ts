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
