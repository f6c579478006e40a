import type {
  SyncRun,
  SyncStatusResponse,
} from '@internal/plugin-ecs-tmpfs-common';

/** Something that answers the plugin's HTTP API: a test backend or a spawned process. */
export interface ApiClient {
  get(path: string): Promise<{ status: number; body: any }>;
  post(path: string, body: unknown): Promise<{ status: number; body: any }>;
}

export const API = '/api/ecs-tmpfs';

export function fetchClient(baseUrl: string, authorization: string): ApiClient {
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        authorization,
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed };
  };
  return {
    get: path => call('GET', path),
    post: (path, body) => call('POST', path, body),
  };
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/** Polls `GET /sync/status` until every given run has finished and been stored; returns the runs. */
export async function waitForRuns(
  api: ApiClient,
  runIds: string[],
  timeoutMs: number,
): Promise<SyncRun[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await api.get(`${API}/sync/status`);
    if (res.status !== 200) {
      throw new Error(`GET /sync/status answered ${res.status}`);
    }
    const status = res.body as SyncStatusResponse;
    const runs = runIds.map(id => status.history.find(r => r.id === id));
    // A run's status turns final in memory before its last writes (stale marks, the run row)
    // are stored; the target's `running` entry stays until they are.
    const stillWriting = status.targets.some(
      t => t.running && runIds.includes(t.running.id),
    );
    if (!stillWriting && runs.every(r => r && r.status !== 'running')) {
      return runs as SyncRun[];
    }
    if (Date.now() > deadline) {
      throw new Error(
        `sync runs ${runIds.join(', ')} still running after ${timeoutMs} ms`,
      );
    }
    await sleep(100);
  }
}

/** `POST /sync/trigger` for every target, then waits until all runs are done. */
export async function syncEverything(
  api: ApiClient,
  timeoutMs = 60_000,
): Promise<SyncRun[]> {
  const res = await api.post(`${API}/sync/trigger`, {});
  if (res.status !== 202) {
    throw new Error(
      `POST /sync/trigger answered ${res.status}: ${JSON.stringify(res.body)}`,
    );
  }
  const ids = (res.body.runs as SyncRun[]).map(r => r.id);
  return waitForRuns(api, ids, timeoutMs);
}
