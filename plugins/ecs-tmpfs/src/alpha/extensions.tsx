import {
  ApiBlueprint,
  PageBlueprint,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import MemoryIcon from '@material-ui/icons/Memory';
import { isEcsTmpfsAvailable } from '../annotations';
import { ecsTmpfsApiRef } from '../api/EcsTmpfsApi';
import { EcsTmpfsClient } from '../api/EcsTmpfsClient';
import { ecsTmpfsRootRouteRef } from './routes';

/** @alpha */
export const ecsTmpfsApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: ecsTmpfsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new EcsTmpfsClient({ discoveryApi, fetchApi }),
    }),
});

/** @alpha */
export const ecsTmpfsEntityContent = EntityContentBlueprint.make({
  params: {
    path: 'ecs-tmpfs',
    title: 'ECS tmpfs',
    filter: isEcsTmpfsAvailable,
    loader: () =>
      import('../components/entity/EntityEcsTmpfsContent').then(m => (
        <m.EntityEcsTmpfsContent />
      )),
  },
});

/** @alpha */
export const ecsTmpfsEntityCard = EntityCardBlueprint.make({
  params: {
    filter: isEcsTmpfsAvailable,
    loader: () =>
      import('../components/entity/EntityEcsTmpfsCard').then(m => (
        <m.EntityEcsTmpfsCard />
      )),
  },
});

/**
 * The dashboard at /ecs-tmpfs with the templates as a tab. This frontend-plugin-api line has
 * no NavItemBlueprint: the app's nav is built from pages with a route ref, titled and iconed
 * by the page (else the plugin), so the route ref makes the "ECS headroom" nav item.
 * @alpha
 */
export const ecsTmpfsPage = PageBlueprint.make({
  params: {
    path: '/ecs-tmpfs',
    routeRef: ecsTmpfsRootRouteRef,
    title: 'ECS headroom',
    icon: <MemoryIcon />,
    loader: () =>
      import('../components/EcsTmpfsPage').then(m => (
        <m.EcsTmpfsPage header={false} />
      )),
  },
});

/** Scaffolder field `EcsTmpfsTemplatePicker`. @alpha */
export const ecsTmpfsTemplatePickerFormField = FormFieldBlueprint.make({
  name: 'template-picker',
  params: {
    field: () =>
      import('../components/scaffolder/formFields').then(
        m => m.templatePickerFormField,
      ),
  },
});

/** Scaffolder field `EcsTmpfsServicePicker`. @alpha */
export const ecsTmpfsServicePickerFormField = FormFieldBlueprint.make({
  name: 'service-picker',
  params: {
    field: () =>
      import('../components/scaffolder/formFields').then(
        m => m.servicePickerFormField,
      ),
  },
});
