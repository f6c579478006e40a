import { permissionApiRef } from '@backstage/plugin-permission-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
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
import type { TmpfsTemplateInput } from '@internal/plugin-ecs-tmpfs-common';
import {
  BASE_URL,
  template,
  templatesHandler,
} from '../../__testUtils__/fixtures';
import { ecsTmpfsApiPair } from '../../__testUtils__/testApis';
import { TemplatesManager } from './TemplatesManager';

// usePermission caches decisions per permission for the module's lifetime, so the
// denied case lives in TemplatesManager.denied.test.tsx
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

describe('TemplatesManager', () => {
  it('validates as the user types, shows findings inline and creates', async () => {
    serveList();
    const validated: TmpfsTemplateInput[] = [];
    let created: TmpfsTemplateInput | undefined;
    server.use(
      http.post(`${BASE_URL}/validate`, async ({ request }) => {
        const { template: body } = (await request.json()) as {
          template: TmpfsTemplateInput;
        };
        validated.push(body);
        const reserved = body.mounts[0]?.containerPath === '/proc';
        return HttpResponse.json({
          valid: !reserved,
          findings: reserved
            ? [
                {
                  ruleId: 'tmpfs-path-reserved',
                  severity: 'error',
                  path: 'mounts[0].containerPath',
                  message: '/proc is reserved for the kernel',
                  fix: 'mount somewhere else, e.g. /scratch',
                },
              ]
            : [],
        });
      }),
      http.post(`${BASE_URL}/templates`, async ({ request }) => {
        created = (await request.json()) as TmpfsTemplateInput;
        return HttpResponse.json({ ...mine, ...created }, { status: 201 });
      }),
    );
    await render(true);
    await userEvent.click(
      await screen.findByRole(
        'button',
        { name: 'New template' },
        { timeout: 10_000 },
      ),
    );
    await userEvent.type(screen.getByLabelText(/^Name/), 'build-cache');
    await userEvent.type(screen.getByLabelText(/^Title/), 'Build cache');
    await userEvent.type(
      screen.getByLabelText(/^Owner/),
      'group:default/platform',
    );
    await userEvent.type(screen.getByLabelText(/^Container path/), '/proc');
    await userEvent.type(screen.getByLabelText(/^Size \(MiB\)/), '256');

    const mountFindings = await screen.findByRole('list', {
      name: 'Findings of mount 1',
    });
    expect(
      within(mountFindings).getByText(
        'tmpfs-path-reserved: /proc is reserved for the kernel',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Create' })).toBeDisabled();

    const path = screen.getByLabelText(/^Container path/);
    await userEvent.clear(path);
    await userEvent.type(path, '/cache');
    await waitFor(() =>
      expect(screen.queryByText(/tmpfs-path-reserved/)).not.toBeInTheDocument(),
    );
    // debounced: far fewer requests than keystrokes
    expect(validated.length).toBeLessThan(20);

    await userEvent.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(created).toBeDefined());
    expect(created).toMatchObject({
      name: 'build-cache',
      owner: 'group:default/platform',
      mounts: [
        {
          containerPath: '/cache',
          size: 256,
          mountOptions: ['noexec', 'nosuid', 'nodev'],
        },
      ],
    });
    expect(
      await screen.findByRole('table', { name: 'tmpfs templates' }),
    ).toBeInTheDocument();
  });

  it('deletes after confirming', async () => {
    serveList();
    const deleted = jest.fn();
    server.use(
      http.delete(`${BASE_URL}/templates/scratch`, () => {
        deleted();
        return new HttpResponse(null, { status: 204 });
      }),
    );
    await render(true);
    await userEvent.click(
      await screen.findByRole(
        'button',
        { name: 'Delete scratch' },
        { timeout: 10_000 },
      ),
    );
    const dialog = screen.getByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Delete' }),
    );
    await waitFor(() => expect(deleted).toHaveBeenCalledTimes(1));
  });

  it('shows an empty state and a load error', async () => {
    server.use(templatesHandler([]));
    const { unmount } = await render(true);
    expect(
      await screen.findByText('No tmpfs templates yet'),
    ).toBeInTheDocument();
    unmount();
    server.use(
      http.get(`${BASE_URL}/templates`, () =>
        HttpResponse.json(
          {
            error: { name: 'Error', message: 'database down' },
            response: { statusCode: 500 },
          },
          { status: 500 },
        ),
      ),
    );
    await render(true);
    // the backend's message is the panel's title, not only "Request failed with 500"
    expect(
      await screen.findByText(/Could not load the templates: database down/),
    ).toBeInTheDocument();
  });

  it('pages through a list longer than the backend allows in one request', async () => {
    const many = Array.from({ length: 230 }, (_, i) =>
      template({ name: `t-${String(i).padStart(3, '0')}`, title: `T ${i}` }),
    );
    const requests: URL[] = [];
    server.use(templatesHandler(many, requests));
    await render(true);
    await screen.findByRole('table', { name: 'tmpfs templates' });
    expect(
      requests.map(u => [
        u.searchParams.get('offset'),
        u.searchParams.get('limit'),
      ]),
    ).toEqual([
      ['0', '200'],
      ['200', '200'],
    ]);
    expect(screen.queryByText(/Request failed/)).not.toBeInTheDocument();
  });
});
