import {
  TestApiProvider,
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { useState } from 'react';
import {
  BASE_URL,
  SERVICE_ARN,
  serviceView,
  template,
  templatesHandler,
} from '../../__testUtils__/fixtures';
import { ecsTmpfsApiPair } from '../../__testUtils__/testApis';
import { EcsTmpfsTemplatePicker } from './EcsTmpfsTemplatePicker';

const server = setupServer();
registerMswTestHooks(server);
jest.setTimeout(30_000);

const cache = template({
  name: 'app-cache',
  title: 'Application cache',
  readonlyRootFilesystem: false,
  mounts: [
    {
      containerPath: '/var/cache/app',
      size: 512,
      mountOptions: ['noexec', 'nosuid', 'nodev'],
    },
  ],
});

/** The field as the scaffolder form drives it: value in state, siblings in formContext. */
const Harness = ({
  siblings,
  onChange,
}: {
  siblings: Record<string, unknown>;
  onChange: (value?: string) => void;
}) => {
  const [value, setValue] = useState<string | undefined>();
  const props = {
    formData: value,
    onChange: (next?: string) => {
      onChange(next);
      setValue(next);
    },
    required: true,
    disabled: false,
    rawErrors: [],
    schema: { type: 'string', title: 'tmpfs template' },
    uiSchema: {},
    idSchema: { $id: 'root_template' },
    formContext: { formData: { ...siblings, template: value } },
  } as unknown as Parameters<typeof EcsTmpfsTemplatePicker>[0];
  return <EcsTmpfsTemplatePicker {...props} />;
};

function render(siblings: Record<string, unknown>, onChange = jest.fn()) {
  return renderInTestApp(
    <TestApiProvider apis={[ecsTmpfsApiPair()]}>
      <Harness siblings={siblings} onChange={onChange} />
    </TestApiProvider>,
  );
}

async function choose(optionName: RegExp) {
  await userEvent.click(
    await screen.findByRole('button', { name: /tmpfs template/ }),
  );
  await userEvent.click(
    await screen.findByRole('option', { name: optionName }),
  );
}

describe('EcsTmpfsTemplatePicker', () => {
  it('lists the templates, shows the chosen mounts and the projected headroom of the service', async () => {
    const serviceRequests: string[] = [];
    server.use(
      templatesHandler([template(), cache]),
      http.get(`${BASE_URL}/service`, ({ request }) => {
        serviceRequests.push(new URL(request.url).searchParams.get('arn')!);
        return HttpResponse.json(serviceView());
      }),
    );
    const onChange = jest.fn();
    await render({ serviceArn: SERVICE_ARN }, onChange);
    await choose(/Secrets in memory \(secrets\)/);
    expect(onChange).toHaveBeenLastCalledWith('secrets');

    const mounts = await screen.findByRole('table', {
      name: 'Mounts of secrets',
    });
    expect(within(mounts).getByText('/run/secrets')).toBeInTheDocument();
    expect(within(mounts).getByText('16 MiB')).toBeInTheDocument();

    // limit 1024, peak 600: 192 MiB of tmpfs today, 208 with the 16 MiB secrets mount
    const projected = await screen.findByRole('table', {
      name: 'Projected headroom',
    });
    expect(within(projected).getByText('232 MiB (22.7 %)')).toBeInTheDocument();
    expect(within(projected).getByText('216 MiB (21.1 %)')).toBeInTheDocument();
    expect(serviceRequests).toEqual([SERVICE_ARN]);
  });

  it('projects exhaustion as an error and follows the container choice', async () => {
    server.use(
      templatesHandler([template(), cache]),
      http.get(`${BASE_URL}/service`, () => HttpResponse.json(serviceView())),
    );
    await render({ serviceArn: SERVICE_ARN, containers: ['nginx'] });
    await choose(/Application cache/);
    // 600 + 192 + 512 ≥ 1024
    expect(
      await screen.findByText(/headroom-exhausted: observed peak 600 MiB/),
    ).toBeInTheDocument();
    expect(screen.getByText('-280 MiB (-27.3 %)')).toBeInTheDocument();
  });

  it('names a container the task definition does not have', async () => {
    server.use(
      templatesHandler([template()]),
      http.get(`${BASE_URL}/service`, () => HttpResponse.json(serviceView())),
    );
    await render({ serviceArn: SERVICE_ARN, containers: ['sidecar'] });
    await choose(/Secrets in memory/);
    expect(await screen.findByText(/sidecar/)).toBeInTheDocument();
  });

  it('asks for a service before projecting, and shows why templates are missing', async () => {
    server.use(templatesHandler([template()]));
    const { unmount } = await render({});
    await choose(/Secrets in memory/);
    expect(
      screen.getByText(
        'Choose a service to see the projected memory headroom.',
      ),
    ).toBeInTheDocument();
    unmount();

    server.use(
      http.get(`${BASE_URL}/templates`, () =>
        HttpResponse.json(
          {
            error: { name: 'NotAllowedError', message: 'template read denied' },
            response: { statusCode: 403 },
          },
          { status: 403 },
        ),
      ),
    );
    await render({});
    await waitFor(() =>
      expect(
        screen.getByText(
          'Could not load the tmpfs templates: template read denied',
        ),
      ).toBeInTheDocument(),
    );
  });
});
