import { permissionApiRef } from '@backstage/plugin-permission-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { identityApiRef } from '@backstage/core-plugin-api';
import {
  TestApiProvider,
  mockApis,
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  BASE_URL,
  fleetResponse,
  syncStatus,
} from '../../__testUtils__/fixtures';
import { ecsTmpfsApiPair } from '../../__testUtils__/testApis';
import { HeadroomDashboard } from './HeadroomDashboard';

const server = setupServer();
registerMswTestHooks(server);
jest.setTimeout(30_000);

function serve(fleetRequests: URL[]) {
  server.use(
    http.get(`${BASE_URL}/fleet`, ({ request }) => {
      const url = new URL(request.url);
      fleetRequests.push(url);
      return HttpResponse.json(
        url.searchParams.get('limit') === '1'
          ? fleetResponse({
              teams: [
                ...fleetResponse().teams,
                {
                  ...fleetResponse().teams[0],
                  owner: 'group:default/payments',
                },
              ],
            })
          : fleetResponse(),
      );
    }),
    http.get(`${BASE_URL}/sync/status`, () => HttpResponse.json(syncStatus)),
  );
}

function render(allowSync: boolean) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        ecsTmpfsApiPair(),
        [
          identityApiRef,
          mockApis.identity({
            userEntityRef: 'user:default/ann',
            ownershipEntityRefs: [
              'user:default/ann',
              'group:default/storefront',
            ],
          }),
        ],
        [
          permissionApiRef,
          mockApis.permission({
            authorize: allowSync ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
          }),
        ],
      ]}
    >
      <HeadroomDashboard />
    </TestApiProvider>,
  );
}

// its own file: usePermission caches the decision per permission for the module's lifetime
describe('HeadroomDashboard for a user allowed to sync', () => {
  it('triggers a sync when allowed', async () => {
    const requests: URL[] = [];
    serve(requests);
    const trigger = jest.fn();
    server.use(
      http.post(`${BASE_URL}/sync/trigger`, async ({ request }) => {
        trigger(await request.json());
        return HttpResponse.json({ runs: [] }, { status: 202 });
      }),
    );
    await render(true);
    await userEvent.click(
      await screen.findByRole(
        'button',
        { name: 'Sync now' },
        { timeout: 10_000 },
      ),
    );
    await waitFor(() => expect(trigger).toHaveBeenCalledWith({}));
  });
});
