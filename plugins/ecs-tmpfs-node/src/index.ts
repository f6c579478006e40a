/**
 * Shared Node code of the ECS tmpfs plugins: AWS clients built from app-config.
 *
 * @packageDocumentation
 */
export * from './aws';
export {
  DefaultAwsClientFactory,
  readAwsClientSettings,
} from './DefaultAwsClientFactory';
export type { DefaultAwsClientFactoryOptions } from './DefaultAwsClientFactory';
