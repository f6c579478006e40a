/**
 * A local Amazon ECS + CloudWatch simulator speaking the real wire protocols, with generated or
 * imported fleets; the same handlers back msw in tests and a node:http server for the app.
 *
 * @packageDocumentation
 */
export { AwsSimulator } from './AwsSimulator';
export type {
  AwsSimulatorOptions,
  SimulatorCall,
  SimulatorFaults,
  SimulatorRequest,
  SimulatorResponse,
} from './AwsSimulator';
export { createMswHandlers } from './msw';
export type { MswHandlerOptions } from './msw';
export {
  generateFleet,
  DEMO_ACCOUNTS,
  DEMO_REGIONS,
  TEAMS,
} from './fleet/generateFleet';
export type { GenerateFleetOptions } from './fleet/generateFleet';
export { demoFleet, SAMPLE_TASK_DEFINITIONS_DIR } from './fleet/demoFleet';
export { loadFleetFromDirectory } from './fleet/loadFleetFromDirectory';
export { memoryUsedAt } from './fleet/memoryProfile';
export type {
  Fleet,
  SimAccount,
  SimCluster,
  SimLaunchType,
  SimMemoryProfile,
  SimRegion,
  SimService,
  SimSpikes,
  SimTag,
  SimTaskDefinition,
} from './fleet/types';
export { SeededRandom } from './random';
export { startSimulatorServer } from './server';
export type { SimulatorServer } from './server';
export { main } from './cli';
export {
  entitiesYaml,
  orgYaml,
  ECS_SERVICE_ARN_ANNOTATION,
  ECS_SERVICE_TAGS_ANNOTATION,
} from './catalog/catalogFromFleet';
