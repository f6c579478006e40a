import {
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { template } from '../__testUtils__/fixtures';
import { DefaultEcsTmpfsApi } from './ecsTmpfsApi';

const server = setupServer();
registerMswTestHooks(server);

describe('DefaultEcsTmpfsApi', () => {
  const discovery = mockServices.discovery();
  const auth = mockServices.auth();
  const api = new DefaultEcsTmpfsApi({ discovery, auth });

  async function baseUrl() {
    return discovery.getBaseUrl('ecs-tmpfs');
  }

  it('reads a template with a service token for the ecs-tmpfs plugin', async () => {
    let authorization: string | null = null;
    server.use(
      http.get(`${await baseUrl()}/templates/:name`, ({ request, params }) => {
        authorization = request.headers.get('authorization');
        return HttpResponse.json(template(String(params.name)));
      }),
    );
    await expect(api.getTemplate('tmp-scratch')).resolves.toMatchObject({
      name: 'tmp-scratch',
    });
    expect(authorization).toMatch(/^Bearer .*ecs-tmpfs/);
  });

  it('returns undefined for an unknown template or service', async () => {
    server.use(
      http.get(`${await baseUrl()}/templates/:name`, () =>
        HttpResponse.json(
          { error: { name: 'NotFoundError', message: 'no such template' } },
          { status: 404 },
        ),
      ),
      http.get(`${await baseUrl()}/service`, () =>
        HttpResponse.json({}, { status: 404 }),
      ),
    );
    await expect(api.getTemplate('nope')).resolves.toBeUndefined();
    await expect(
      api.getService('arn:aws:ecs:us-east-1:111111111111:service/a/b'),
    ).resolves.toBeUndefined();
  });

  it('passes the service ARN as a query parameter', async () => {
    const arn = 'arn:aws:ecs:us-east-1:111111111111:service/prod/payments-api';
    server.use(
      http.get(`${await baseUrl()}/service`, ({ request }) =>
        HttpResponse.json({
          serviceArn: new URL(request.url).searchParams.get('arn'),
          headroom: { observedPeakMiB: 1234 },
        }),
      ),
    );
    await expect(api.getService(arn)).resolves.toMatchObject({
      serviceArn: arn,
      headroom: { observedPeakMiB: 1234 },
    });
  });

  it('surfaces other errors with the backend message', async () => {
    server.use(
      http.get(`${await baseUrl()}/templates/:name`, () =>
        HttpResponse.json(
          {
            error: { name: 'NotAllowedError', message: 'denied by policy' },
            response: { statusCode: 403 },
          },
          { status: 403 },
        ),
      ),
    );
    await expect(api.getTemplate('x')).rejects.toThrow(/denied by policy/);
  });
});
