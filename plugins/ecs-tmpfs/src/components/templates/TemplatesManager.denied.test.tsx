import { permissionApiRef } from '@backstage/plugin-permission-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  TestApiProvider,
  mockApis,
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { template, templatesHandler } from '../../__testUtils__/fixtures';
import { ecsTmpfsApiPair } from '../../__testUtils__/testApis';
import { TemplatesManager } from './TemplatesManager';

const server = setupServer();
registerMswTestHooks(server);
jest.setTimeout(30_000);

const mine = template({
  name: 'scratch',
  title: 'Scratch space',
  source: 'database',
  readOnly: false,
  version: 2,
});

function serveList() {
  server.use(templatesHandler([template(), mine]));
}

function render(allowed: boolean) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        ecsTmpfsApiPair(),
        [
          permissionApiRef,
          mockApis.permission({
            authorize: allowed ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
          }),
        ],
      ]}
    >
      <TemplatesManager />
    </TestApiProvider>,
  );
}

describe('TemplatesManager without permissions', () => {
  it('lists templates, marks built-ins read-only and hides controls without permission', async () => {
    serveList();
    await render(false);
    const table = await screen.findByRole('table', { name: 'tmpfs templates' });
    expect(within(table).getByText('secrets')).toBeInTheDocument();
    expect(within(table).getByText('read-only')).toBeInTheDocument();
    expect(
      within(table).getByRole('button', { name: 'View scratch' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'New template' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Delete scratch' }),
    ).not.toBeInTheDocument();
  });
});
