/**
 * Backend for the ECS tmpfs plugins: tmpfs template store, scheduled ECS/CloudWatch
 * ingestion and the REST API at `/api/ecs-tmpfs`.
 *
 * @packageDocumentation
 */
export { ecsTmpfsPlugin as default } from './plugin';
