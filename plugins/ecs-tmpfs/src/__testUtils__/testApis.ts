import { MockFetchApi, mockApis } from '@backstage/test-utils';
import { ecsTmpfsApiRef } from '../api/EcsTmpfsApi';
import { EcsTmpfsClient } from '../api/EcsTmpfsClient';

/** The real client against msw, as the app wires it. */
export function realClient() {
  return new EcsTmpfsClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://localhost:7007' }),
    fetchApi: new MockFetchApi(),
  });
}

export function ecsTmpfsApiPair() {
  return [ecsTmpfsApiRef, realClient()] as const;
}
