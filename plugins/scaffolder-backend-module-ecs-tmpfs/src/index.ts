/**
 * Scaffolder actions that add secure tmpfs mounts to ECS task definitions and register the
 * new revision.
 *
 * @packageDocumentation
 */
export { scaffolderModuleEcsTmpfs as default } from './module';
export {
  createAddTmpfsMountsAction,
  type AddTmpfsMountsActionOptions,
} from './actions/addMounts';
export {
  createRegisterTaskDefinitionAction,
  type RegisterTaskDefinitionActionOptions,
} from './actions/register';
export { DefaultEcsTmpfsApi, type EcsTmpfsApi } from './lib/ecsTmpfsApi';
