import type { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  TestApiProvider,
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  BASE_URL,
  SERVICE_ARN,
  entityServices,
  serviceView,
} from '../../__testUtils__/fixtures';
import { ecsTmpfsApiPair } from '../../__testUtils__/testApis';
import { EntityEcsTmpfsCard } from './EntityEcsTmpfsCard';
import { EntityEcsTmpfsContent } from './EntityEcsTmpfsContent';

const server = setupServer();
registerMswTestHooks(server);
// rendering full tables is slow on a shared two-core machine
jest.setTimeout(30_000);

const annotated: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'storefront-web',
    annotations: { 'aws.amazon.com/amazon-ecs-service-arn': SERVICE_ARN },
  },
  spec: { type: 'service', owner: 'group:default/storefront' },
};

function render(element: JSX.Element, entity: Entity = annotated) {
  return renderInTestApp(
    <TestApiProvider apis={[ecsTmpfsApiPair()]}>
      <EntityProvider entity={entity}>{element}</EntityProvider>
    </TestApiProvider>,
  );
}

describe('EntityEcsTmpfsContent', () => {
  it('names the annotations to add when the entity has none', async () => {
    const requests = jest.fn();
    server.use(http.get(`${BASE_URL}/entity-services`, requests));
    await render(<EntityEcsTmpfsContent />, {
      ...annotated,
      metadata: { name: 'plain' },
    });
    expect(
      screen.getAllByText(/aws.amazon.com\/amazon-ecs-service-arn/).length,
    ).toBeGreaterThan(0);
    expect(requests).not.toHaveBeenCalled();
  });

  it('shows each service with mounts, flagged options, findings and headroom', async () => {
    let asked: string | null = null;
    server.use(
      http.get(`${BASE_URL}/entity-services`, ({ request }) => {
        asked = new URL(request.url).searchParams.get('entityRef');
        return HttpResponse.json(entityServices([serviceView()]));
      }),
    );
    await render(<EntityEcsTmpfsContent />);
    expect(
      await screen.findByRole('heading', { name: 'storefront-web' }),
    ).toBeInTheDocument();
    expect(asked).toBe('component:default/storefront-web');

    const mounts = screen.getByRole('table', { name: 'tmpfs mounts of nginx' });
    expect(within(mounts).getByText('/var/cache/nginx')).toBeInTheDocument();
    expect(
      within(mounts).getByLabelText('exec (flagged: tmpfs-option-conflict)'),
    ).toHaveAttribute('data-flagged', 'error');
    expect(within(mounts).getByText('noexec')).toBeInTheDocument();
    expect(screen.getByText(/Root filesystem: writable/)).toBeInTheDocument();

    expect(screen.getByText('readonly-root-disabled')).toBeInTheDocument();
    expect(
      screen.getByText('set readonlyRootFilesystem: true'),
    ).toBeInTheDocument();
    expect(screen.getByText('storefront-web:7')).toBeInTheDocument();
    expect(
      screen.getByText(
        /headroom = memory limit − observed peak − tmpfs capacity/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('img', {
        name: /observed peak 600 MiB, tmpfs capacity 192 MiB, headroom 232 MiB/,
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('img', {
        name: /3 samples, peak 600 MiB, limit 1,024 MiB/,
      }),
    ).toBeInTheDocument();

    const link = screen.getByRole('button', {
      name: /Add a secure tmpfs mount/,
    });
    const href = link.closest('a')!.getAttribute('href')!;
    expect(href).toMatch(
      /^\/create\/templates\/default\/add-secure-tmpfs-mount\?formData=/,
    );
    expect(JSON.parse(decodeURIComponent(href.split('formData=')[1]))).toEqual({
      entityRef: 'component:default/storefront-web',
      serviceArn: SERVICE_ARN,
    });
  });

  it('says headroom is unknown without metrics, never 0 or ok', async () => {
    const base = serviceView();
    server.use(
      http.get(`${BASE_URL}/entity-services`, () =>
        HttpResponse.json(
          entityServices([
            serviceView({
              headroom: {
                ...base.headroom,
                observedPeakMiB: undefined,
                headroomMiB: undefined,
                headroomRatio: undefined,
                status: 'unknown',
              },
              memorySeries: {
                ...base.memorySeries,
                source: 'none',
                points: [],
              },
              freshness: {
                lastSyncedAt: '2026-12-01T01:00:00Z',
                stale: { since: '2026-12-01T02:00:00Z', error: 'AccessDenied' },
              },
            }),
          ]),
        ),
      ),
    );
    await render(<EntityEcsTmpfsContent />);
    expect(
      (
        await screen.findAllByText(
          /Headroom: unknown — no memory metrics in the window/,
        )
      ).length,
    ).toBeGreaterThan(0);
    expect(screen.getByText(/No memory datapoints/)).toBeInTheDocument();
    expect(screen.getByText(/AccessDenied/)).toBeInTheDocument();
    expect(screen.queryByText(/Headroom: 0 MiB/)).not.toBeInTheDocument();
  });

  it('shows the backend error', async () => {
    server.use(
      http.get(`${BASE_URL}/entity-services`, () =>
        HttpResponse.json(
          {
            error: { name: 'NotAllowedError', message: 'catalog read denied' },
            response: { statusCode: 403 },
          },
          { status: 403 },
        ),
      ),
    );
    await render(<EntityEcsTmpfsContent />);
    expect(
      (await screen.findAllByText(/catalog read denied/)).length,
    ).toBeGreaterThan(0);
  });

  it('offers no tmpfs mount for a Windows task, and says why', async () => {
    server.use(
      http.get(`${BASE_URL}/entity-services`, () =>
        HttpResponse.json(
          entityServices([
            serviceView({ operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE' }),
          ]),
        ),
      ),
    );
    await render(<EntityEcsTmpfsContent />);
    expect(
      await screen.findByText(/tmpfs mounts are not available/),
    ).toHaveTextContent('WINDOWS_SERVER_2022_CORE');
    expect(
      screen.queryByRole('button', { name: 'Add a secure tmpfs mount' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: 'Add a secure tmpfs mount' }),
    ).not.toBeInTheDocument();
  });

  it('explains an empty match', async () => {
    server.use(
      http.get(`${BASE_URL}/entity-services`, () =>
        HttpResponse.json(entityServices([])),
      ),
    );
    await render(<EntityEcsTmpfsContent />);
    expect(
      await screen.findByText('No ECS services found'),
    ).toBeInTheDocument();
  });
});

describe('EntityEcsTmpfsCard', () => {
  it('summarises headroom, worst finding and mounts', async () => {
    server.use(
      http.get(`${BASE_URL}/entity-services`, () =>
        HttpResponse.json(entityServices([serviceView()])),
      ),
    );
    await render(<EntityEcsTmpfsCard />);
    const table = await screen.findByRole('table', {
      name: 'ECS tmpfs summary',
    });
    expect(within(table).getByText('storefront-web')).toBeInTheDocument();
    expect(
      within(table).getByText('eu-west-1 · 111122223333'),
    ).toBeInTheDocument();
    expect(within(table).getByText(/232 MiB \(22.7 %\)/)).toBeInTheDocument();
    expect(
      within(table).getByText('error: tmpfs-option-conflict'),
    ).toBeInTheDocument();
    expect(within(table).getByText('2')).toBeInTheDocument();
  });
});
