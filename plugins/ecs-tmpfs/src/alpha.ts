import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import MemoryIcon from '@material-ui/icons/Memory';
import { createElement } from 'react';
import {
  ecsTmpfsApi,
  ecsTmpfsEntityCard,
  ecsTmpfsEntityContent,
  ecsTmpfsPage,
  ecsTmpfsServicePickerFormField,
  ecsTmpfsTemplatePickerFormField,
} from './alpha/extensions';
import { ecsTmpfsRootRouteRef } from './alpha/routes';

export {
  ecsTmpfsApi,
  ecsTmpfsEntityCard,
  ecsTmpfsEntityContent,
  ecsTmpfsPage,
  ecsTmpfsServicePickerFormField,
  ecsTmpfsTemplatePickerFormField,
} from './alpha/extensions';
export { ecsTmpfsRootRouteRef } from './alpha/routes';

/**
 * The ECS tmpfs plugin for the new frontend system.
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'ecs-tmpfs',
  title: 'ECS headroom',
  icon: createElement(MemoryIcon),
  routes: { root: ecsTmpfsRootRouteRef },
  extensions: [
    ecsTmpfsApi,
    ecsTmpfsEntityContent,
    ecsTmpfsEntityCard,
    ecsTmpfsPage,
    ecsTmpfsTemplatePickerFormField,
    ecsTmpfsServicePickerFormField,
  ],
});
