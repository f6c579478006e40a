/**
 * Scaffolder actions that add secure tmpfs mounts to ECS task definitions and register the
 * new revision.
 *
 * @packageDocumentation
 */
export { scaffolderModuleEcsTmpfs as default } from './module';
