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
  EcsTmpfsTemplatePickerFieldExtension,
  EcsTmpfsServicePickerFieldExtension,
} from './plugin';
export {
  EcsTmpfsTemplatePicker,
  type EcsTmpfsTemplatePickerUiOptions,
} from './components/scaffolder/EcsTmpfsTemplatePicker';
export {
  EcsTmpfsServicePicker,
  type EcsTmpfsServicePickerUiOptions,
} from './components/scaffolder/EcsTmpfsServicePicker';
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
