/**
 * Shared Node code of the ECS tmpfs plugins: AWS clients built from app-config.
 *
 * @packageDocumentation
 */
export * from './aws';
