/**
 * ECS tmpfs mounts and memory headroom for Backstage (legacy frontend system entry).
 *
 * @packageDocumentation
 */
export {
  ecsTmpfsPlugin,
  EntityEcsTmpfsContent,
  EntityEcsTmpfsCard,
  EcsTmpfsDashboardPage,
  EcsTmpfsTemplatesPage,
} from './plugin';
export {
  isEcsTmpfsAvailable,
  ECS_SERVICE_ARN_ANNOTATION,
  ECS_SERVICE_TAGS_ANNOTATION,
} from './annotations';
export { ecsTmpfsApiRef } from './api/EcsTmpfsApi';
export type {
  EcsTmpfsApi,
  TemplatesQuery,
  DownloadedFile,
} from './api/EcsTmpfsApi';
export { EcsTmpfsClient } from './api/EcsTmpfsClient';
