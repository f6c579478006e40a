import { coreExtensionData } from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/test-utils';
import {
  BASE_URL,
  template,
  templatesHandler,
} from '../__testUtils__/fixtures';
import { ecsTmpfsApiPair } from '../__testUtils__/testApis';
import { ecsTmpfsPage } from './extensions';
import { ecsTmpfsRootRouteRef } from './routes';

const server = setupServer();
registerMswTestHooks(server);
jest.setTimeout(30_000);

describe('ecsTmpfsPage (new frontend system)', () => {
  it('has the route ref, title and icon the app nav needs for its sidebar item', () => {
    const tester = createExtensionTester(ecsTmpfsPage, {
      apis: [ecsTmpfsApiPair()],
    });
    expect(tester.get(coreExtensionData.routePath)).toBe('/ecs-tmpfs');
    expect(tester.get(coreExtensionData.routeRef)).toBe(ecsTmpfsRootRouteRef);
    expect(tester.get(coreExtensionData.title)).toBe('ECS headroom');
    expect(tester.get(coreExtensionData.icon)).toBeDefined();
  });

  it('renders the templates tab through the real client', async () => {
    server.use(
      templatesHandler([template()]),
      http.get(`${BASE_URL}/fleet`, () =>
        HttpResponse.json({}, { status: 500 }),
      ),
    );
    const tester = createExtensionTester(ecsTmpfsPage, {
      apis: [ecsTmpfsApiPair()],
    });
    renderInTestApp(tester.reactElement(), {
      apis: [ecsTmpfsApiPair()],
      initialRouteEntries: ['/templates'],
    });
    expect(
      // the page's component is lazy-loaded: its first import compiles a whole subtree
      await screen.findByRole(
        'table',
        { name: 'tmpfs templates' },
        { timeout: 15_000 },
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('secrets')).toBeInTheDocument();
  });
});
