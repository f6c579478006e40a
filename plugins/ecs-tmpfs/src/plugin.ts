import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import { ecsTmpfsApiRef } from './api/EcsTmpfsApi';
import { EcsTmpfsClient } from './api/EcsTmpfsClient';
import { rootRouteRef, templatesPageRouteRef } from './routes';
import { EcsTmpfsServicePicker } from './components/scaffolder/EcsTmpfsServicePicker';
import { EcsTmpfsTemplatePicker } from './components/scaffolder/EcsTmpfsTemplatePicker';
import {
  SERVICE_PICKER_FIELD,
  TEMPLATE_PICKER_FIELD,
} from './components/scaffolder/fields';

/** @public */
export const ecsTmpfsPlugin = createPlugin({
  id: 'ecs-tmpfs',
  apis: [
    createApiFactory({
      api: ecsTmpfsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new EcsTmpfsClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
    templates: templatesPageRouteRef,
  },
});

/** The entity tab: services, mounts, findings and memory headroom. @public */
export const EntityEcsTmpfsContent = ecsTmpfsPlugin.provide(
  createComponentExtension({
    name: 'EntityEcsTmpfsContent',
    component: {
      lazy: () =>
        import('./components/entity/EntityEcsTmpfsContent').then(
          m => m.EntityEcsTmpfsContent,
        ),
    },
  }),
);

/** The overview card. @public */
export const EntityEcsTmpfsCard = ecsTmpfsPlugin.provide(
  createComponentExtension({
    name: 'EntityEcsTmpfsCard',
    component: {
      lazy: () =>
        import('./components/entity/EntityEcsTmpfsCard').then(
          m => m.EntityEcsTmpfsCard,
        ),
    },
  }),
);

/** The headroom dashboard, with the templates as a tab at `templates`. @public */
export const EcsTmpfsDashboardPage = ecsTmpfsPlugin.provide(
  createRoutableExtension({
    name: 'EcsTmpfsDashboardPage',
    component: () =>
      import('./components/EcsTmpfsPage').then(m => m.EcsTmpfsPage),
    mountPoint: rootRouteRef,
  }),
);

/** The templates on a route of their own. @public */
export const EcsTmpfsTemplatesPage = ecsTmpfsPlugin.provide(
  createRoutableExtension({
    name: 'EcsTmpfsTemplatesPage',
    component: () =>
      import('./components/TemplatesPage').then(m => m.TemplatesPage),
    mountPoint: templatesPageRouteRef,
  }),
);

/**
 * Scaffolder field `EcsTmpfsTemplatePicker`: a tmpfs template, its mounts and the projected
 * headroom of the form's `serviceArn`. Put it inside `<ScaffolderFieldExtensions>`.
 * @public
 */
export const EcsTmpfsTemplatePickerFieldExtension = ecsTmpfsPlugin.provide(
  createScaffolderFieldExtension({
    name: TEMPLATE_PICKER_FIELD,
    component: EcsTmpfsTemplatePicker,
  }),
);

/**
 * Scaffolder field `EcsTmpfsServicePicker`: one of the ECS services of the form's `entityRef`.
 * @public
 */
export const EcsTmpfsServicePickerFieldExtension = ecsTmpfsPlugin.provide(
  createScaffolderFieldExtension({
    name: SERVICE_PICKER_FIELD,
    component: EcsTmpfsServicePicker,
  }),
);
