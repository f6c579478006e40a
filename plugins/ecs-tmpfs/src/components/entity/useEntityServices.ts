import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { ecsTmpfsApiRef } from '../../api/EcsTmpfsApi';

export function useEntityServices(entityRef: string) {
  const api = useApi(ecsTmpfsApiRef);
  return useAsync(() => api.getEntityServices(entityRef), [api, entityRef]);
}
