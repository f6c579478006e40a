import { HttpResponse, RequestHandler, http } from 'msw';
import { AwsSimulator } from './AwsSimulator';

/** @public */
export interface MswHandlerOptions {
  /** more endpoints to serve, e.g. `http://127.0.0.1:4599` */
  extraBaseUrls?: string[];
}

const AWS_ENDPOINTS =
  /^https:\/\/(ecs|monitoring)\.[a-z0-9-]+\.amazonaws\.com\/?$/;

/**
 * msw handlers for `https://ecs.<region>.amazonaws.com/` and
 * `https://monitoring.<region>.amazonaws.com/` (plus `extraBaseUrls`) that answer from `sim`.
 * @public
 */
export function createMswHandlers(
  sim: AwsSimulator,
  opts: MswHandlerOptions = {},
): RequestHandler[] {
  const resolver = async ({ request }: { request: Request }) => {
    const headers: Record<string, string> = {};
    request.headers.forEach((value, key) => {
      headers[key] = value;
    });
    const response = await sim.handle({
      method: request.method,
      url: request.url,
      headers,
      body: await request.text(),
      signal: request.signal,
    });
    return new HttpResponse(response.body, {
      status: response.status,
      headers: response.headers,
    });
  };
  return [
    http.post(AWS_ENDPOINTS, resolver),
    ...(opts.extraBaseUrls ?? []).map(base =>
      http.post(`${base.replace(/\/+$/, '')}/`, resolver),
    ),
  ];
}
