import http from 'node:http';
import { AddressInfo } from 'node:net';
import { AwsSimulator, SimulatorFaults } from './AwsSimulator';

/** @public */
export interface SimulatorServer {
  url: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 10 * 1024 * 1024;
const FAULT_KEYS: Array<keyof SimulatorFaults> = [
  'throttleRate',
  'deniedAccounts',
  'deniedRegions',
  'timeoutRegions',
  'latencyMs',
];

class BadRequest extends Error {}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(
          new BadRequest(`request body is larger than ${MAX_BODY_BYTES} bytes`),
        );
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJsonObject(body: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = body ? JSON.parse(body) : {};
  } catch {
    throw new BadRequest('body is not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new BadRequest('body must be a JSON object');
  }
  return value as Record<string, unknown>;
}

/** Validates a Partial<SimulatorFaults>, naming the offending field and value. */
export function parseFaults(
  input: Record<string, unknown>,
): Partial<SimulatorFaults> {
  const faults: Partial<SimulatorFaults> = {};
  for (const [key, value] of Object.entries(input)) {
    if (!FAULT_KEYS.includes(key as keyof SimulatorFaults)) {
      throw new BadRequest(
        `unknown fault "${key}" (known: ${FAULT_KEYS.join(', ')})`,
      );
    }
    if (key === 'throttleRate') {
      if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
        throw new BadRequest(
          `throttleRate must be a number from 0 to 1, got ${JSON.stringify(
            value,
          )}`,
        );
      }
      faults.throttleRate = value;
    } else if (key === 'latencyMs') {
      if (
        typeof value !== 'number' ||
        !Number.isFinite(value) ||
        value < 0 ||
        value > 60_000
      ) {
        throw new BadRequest(
          `latencyMs must be a number from 0 to 60000, got ${JSON.stringify(
            value,
          )}`,
        );
      }
      faults.latencyMs = value;
    } else {
      if (!Array.isArray(value) || value.some(v => typeof v !== 'string')) {
        throw new BadRequest(
          `${key} must be a list of strings, got ${JSON.stringify(value)}`,
        );
      }
      (faults as Record<string, unknown>)[key] = value;
    }
  }
  return faults;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(text);
}

async function control(
  sim: AwsSimulator,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  path: string,
) {
  const method = req.method ?? 'GET';
  if (method === 'GET' && path === '/_simulator/health') {
    return sendJson(res, 200, { status: 'ok', services: sim.serviceCount() });
  }
  if (method === 'GET' && path === '/_simulator/calls') {
    return sendJson(res, 200, { calls: sim.calls, counts: sim.callCounts() });
  }
  if (method === 'GET' && path === '/_simulator/faults') {
    return sendJson(res, 200, sim.faults);
  }
  if (method === 'POST' && path === '/_simulator/reset-calls') {
    sim.resetCalls();
    return sendJson(res, 200, { calls: 0 });
  }
  if (method === 'POST' && path === '/_simulator/faults') {
    sim.faults = {
      ...sim.faults,
      ...parseFaults(parseJsonObject(await readBody(req))),
    };
    return sendJson(res, 200, sim.faults);
  }
  if (method === 'POST' && path === '/_simulator/services/delete') {
    const { serviceArn } = parseJsonObject(await readBody(req));
    if (typeof serviceArn !== 'string' || !serviceArn) {
      throw new BadRequest(
        `serviceArn must be a service ARN, got ${JSON.stringify(serviceArn)}`,
      );
    }
    try {
      sim.deleteService(serviceArn);
    } catch (error) {
      return sendJson(res, 404, { error: (error as Error).message });
    }
    return sendJson(res, 200, { deleted: serviceArn });
  }
  if (method === 'POST' && path === '/_simulator/services/deploy') {
    // What a team's pipeline does with `aws ecs update-service --task-definition …`.
    const { serviceArn, taskDefinitionArn } = parseJsonObject(
      await readBody(req),
    );
    if (
      typeof serviceArn !== 'string' ||
      typeof taskDefinitionArn !== 'string'
    ) {
      throw new BadRequest(
        `serviceArn and taskDefinitionArn must be ARNs, got ${JSON.stringify({
          serviceArn,
          taskDefinitionArn,
        })}`,
      );
    }
    try {
      sim.deployTaskDefinition(serviceArn, taskDefinitionArn);
    } catch (error) {
      return sendJson(res, 404, { error: (error as Error).message });
    }
    return sendJson(res, 200, { serviceArn, taskDefinitionArn });
  }
  return sendJson(res, 404, {
    error: `no simulator control route ${method} ${path}`,
  });
}

/**
 * Serves the simulator over HTTP: the AWS endpoints at `POST /` (point the SDK's `endpoint`
 * here) and a control API under `/_simulator/` for demos and browser tests.
 * @public
 */
export function startSimulatorServer(
  sim: AwsSimulator,
  opts: { port: number; host?: string },
): Promise<SimulatorServer> {
  const server = http.createServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    try {
      if (path.startsWith('/_simulator/')) {
        await control(sim, req, res, path);
        return;
      }
      const abort = new AbortController();
      res.on('close', () => abort.abort());
      const headers: Record<string, string> = {};
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) {
          headers[key] = Array.isArray(value) ? value.join(', ') : value;
        }
      }
      const response = await sim.handle({
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        headers,
        body: await readBody(req),
        signal: abort.signal,
      });
      if (!res.destroyed) {
        res.writeHead(response.status, response.headers);
        res.end(response.body);
      }
    } catch (error) {
      if (!res.headersSent) {
        sendJson(res, error instanceof BadRequest ? 400 : 500, {
          error: (error as Error).message,
        });
      }
    }
  });
  const host = opts.host ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, host, () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://${host}:${port}`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.closeAllConnections();
            server.close(err => (err ? fail(err) : done()));
          }),
      });
    });
  });
}
