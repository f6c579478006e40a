import { permissionApiRef } from '@backstage/plugin-permission-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { identityApiRef } from '@backstage/core-plugin-api';
import {
  TestApiProvider,
  mockApis,
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
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

function render(
  allowSync: boolean,
  ownershipEntityRefs = ['user:default/ann', 'group:default/storefront'],
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        ecsTmpfsApiPair(),
        [
          identityApiRef,
          mockApis.identity({
            userEntityRef: 'user:default/ann',
            ownershipEntityRefs,
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

const pageRequests = (requests: URL[]) =>
  requests.filter(u => u.searchParams.get('limit') !== '1');

describe('HeadroomDashboard', () => {
  it("starts on the user's teams, pages on the server and sorts by headroom", async () => {
    const requests: URL[] = [];
    serve(requests);
    await render(false);
    const table = await screen.findByRole('table', {
      name: 'ECS services headroom',
    });
    expect(
      await within(table).findByText('storefront-web'),
    ).toBeInTheDocument();
    expect(
      within(table).getByText('unknown — no memory metrics in the window'),
    ).toBeInTheDocument();
    expect(within(table).getByText('232 MiB (22.7 %)')).toBeInTheDocument();

    const first = pageRequests(requests)[0];
    expect(first.searchParams.getAll('owner')).toEqual([
      'group:default/storefront',
    ]);
    expect(first.searchParams.get('limit')).toBe('25');
    expect(first.searchParams.get('offset')).toBe('0');

    await userEvent.click(
      within(table).getByRole('button', { name: /Headroom/ }),
    );
    await waitFor(() =>
      expect(pageRequests(requests).at(-1)!.searchParams.get('sort')).toBe(
        'headroomMiB',
      ),
    );

    await userEvent.click(screen.getByLabelText('All owners'));
    await waitFor(() =>
      expect(pageRequests(requests).at(-1)!.searchParams.has('owner')).toBe(
        false,
      ),
    );

    expect(
      screen.getByRole('table', { name: 'Per-team roll-up' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('ThrottlingException on DescribeServices'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Sync now' }),
    ).not.toBeInTheDocument();
  });

  it("says whose services it shows: the guest's teams, then every owner", async () => {
    const requests: URL[] = [];
    serve(requests);
    // the guest of examples/org.yaml: member of guests and platform
    await render(false, [
      'user:default/guest',
      'group:default/guests',
      'group:default/platform',
    ]);
    const table = await screen.findByRole('table', {
      name: 'ECS services headroom',
    });
    await within(table).findByText('storefront-web');
    expect(pageRequests(requests)[0].searchParams.getAll('owner')).toEqual([
      'group:default/guests',
      'group:default/platform',
    ]);
    const allOwners = screen.getByRole('checkbox', { name: 'All owners' });
    expect(allOwners).not.toBeChecked();
    expect(allOwners).toBeEnabled();
    expect(allOwners).toHaveAccessibleDescription(
      'Showing your teams: guests, platform',
    );

    await userEvent.click(allOwners);
    expect(allOwners).toBeChecked();
    expect(allOwners).toHaveAccessibleDescription('Showing every owner');
    await waitFor(() =>
      expect(pageRequests(requests).at(-1)!.searchParams.has('owner')).toBe(
        false,
      ),
    );
    // counts read as words, singular where one
    expect(
      within(table).getByText('1 error · 1 warning · 0 info'),
    ).toBeInTheDocument();
  });

  it('offers every team in the Team filter and filters by it', async () => {
    const requests: URL[] = [];
    serve(requests);
    await render(false);
    await screen.findByText('storefront-web');
    await userEvent.click(screen.getByRole('button', { name: /Team/ }));
    await userEvent.click(
      await screen.findByRole('option', { name: 'payments' }),
    );
    await waitFor(() =>
      expect(
        pageRequests(requests).at(-1)!.searchParams.getAll('owner'),
      ).toEqual(['group:default/storefront', 'group:default/payments']),
    );
  });

  it('shows a fleet error', async () => {
    server.use(
      http.get(`${BASE_URL}/fleet`, () =>
        HttpResponse.json(
          {
            error: { name: 'NotAllowedError', message: 'fleet read denied' },
            response: { statusCode: 403 },
          },
          { status: 403 },
        ),
      ),
      http.get(`${BASE_URL}/sync/status`, () => HttpResponse.json(syncStatus)),
    );
    await render(false);
    expect(
      (await screen.findAllByText(/fleet read denied/)).length,
    ).toBeGreaterThan(0);
  });

  it('exports the filtered fleet as CSV with the same filters', async () => {
    const requests: URL[] = [];
    serve(requests);
    let csvUrl: URL | undefined;
    server.use(
      http.get(`${BASE_URL}/fleet.csv`, ({ request }) => {
        csvUrl = new URL(request.url);
        return new HttpResponse('a,b\n', {
          headers: { 'content-type': 'text/csv' },
        });
      }),
    );
    const createObjectURL = jest.fn(() => 'blob:fleet');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    await render(false);
    await screen.findByText('storefront-web');
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() =>
      expect(revokeObjectURL).toHaveBeenCalledWith('blob:fleet'),
    );
    expect(csvUrl!.searchParams.getAll('owner')).toEqual([
      'group:default/storefront',
    ]);
    expect(csvUrl!.searchParams.has('limit')).toBe(false);
  });
});
