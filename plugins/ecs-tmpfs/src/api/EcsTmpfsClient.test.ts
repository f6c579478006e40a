import { registerMswTestHooks } from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { BASE_URL, fleetResponse, template } from '../__testUtils__/fixtures';
import { realClient } from '../__testUtils__/testApis';
import { errorMessage, findingsOfError } from './EcsTmpfsClient';

const server = setupServer();
registerMswTestHooks(server);

describe('EcsTmpfsClient', () => {
  it('sends fleet filters as repeated query parameters', async () => {
    let url: URL | undefined;
    server.use(
      http.get(`${BASE_URL}/fleet`, ({ request }) => {
        url = new URL(request.url);
        return HttpResponse.json(fleetResponse());
      }),
    );
    const result = await realClient().getFleet({
      owner: ['group:default/a', 'group:default/b'],
      status: ['low'],
      sort: 'headroomMiB',
      order: 'desc',
      offset: 50,
      limit: 25,
    });
    expect(result.totalCount).toBe(2);
    expect(url!.searchParams.getAll('owner')).toEqual([
      'group:default/a',
      'group:default/b',
    ]);
    expect(url!.searchParams.get('status')).toBe('low');
    expect(url!.searchParams.get('sort')).toBe('headroomMiB');
    expect(url!.searchParams.get('offset')).toBe('50');
    expect(url!.searchParams.has('accountId')).toBe(false);
  });

  it('keeps the findings of a refused template on the error', async () => {
    server.use(
      http.post(`${BASE_URL}/templates`, () =>
        HttpResponse.json(
          {
            error: { name: 'InputError', message: 'template has errors' },
            response: { statusCode: 400 },
            findings: [
              {
                ruleId: 'tmpfs-path-reserved',
                severity: 'error',
                path: 'mounts[0].containerPath',
                message: '/proc is reserved',
                fix: 'choose another path',
              },
            ],
          },
          { status: 400 },
        ),
      ),
    );
    const error = await realClient()
      .createTemplate(template({ name: 'bad' }))
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(errorMessage(error)).toBe('template has errors');
    expect(findingsOfError(error)?.[0].ruleId).toBe('tmpfs-path-reserved');
  });

  it('sends the version read with an update and encodes the name', async () => {
    let body: unknown;
    server.use(
      http.put(`${BASE_URL}/templates/my-scratch`, async ({ request }) => {
        body = await request.json();
        return HttpResponse.json(template({ name: 'my-scratch', version: 4 }));
      }),
    );
    const { name: _name, ...rest } = template();
    const saved = await realClient().updateTemplate('my-scratch', {
      ...rest,
      version: 3,
    });
    expect(saved.version).toBe(4);
    expect(body).toMatchObject({ version: 3, title: 'Secrets in memory' });
  });

  it('downloads the CSV without paging and with the server file name', async () => {
    let url: URL | undefined;
    server.use(
      http.get(`${BASE_URL}/fleet.csv`, ({ request }) => {
        url = new URL(request.url);
        return new HttpResponse('serviceName\nstorefront-web\n', {
          headers: {
            'content-type': 'text/csv',
            'content-disposition': 'attachment; filename="fleet-2026.csv"',
          },
        });
      }),
    );
    const file = await realClient().downloadFleetCsv({
      region: ['eu-west-1'],
      offset: 25,
      limit: 25,
    });
    expect(file.filename).toBe('fleet-2026.csv');
    expect(await file.blob.text()).toContain('storefront-web');
    expect(url!.searchParams.get('region')).toBe('eu-west-1');
    expect(url!.searchParams.has('offset')).toBe(false);
  });

  it('treats a 204 delete as success and a 404 as an error', async () => {
    server.use(
      http.delete(`${BASE_URL}/templates/gone`, () =>
        HttpResponse.json(
          {
            error: { name: 'NotFoundError', message: 'no template gone' },
            response: { statusCode: 404 },
          },
          { status: 404 },
        ),
      ),
      http.delete(
        `${BASE_URL}/templates/mine`,
        () => new HttpResponse(null, { status: 204 }),
      ),
    );
    await expect(realClient().deleteTemplate('mine')).resolves.toBeUndefined();
    await expect(realClient().deleteTemplate('gone')).rejects.toMatchObject({
      statusCode: 404,
    });
  });
});
