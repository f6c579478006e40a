import { resolvePackagePath } from '@backstage/backend-plugin-api';
import type { Fleet } from '@internal/ecs-aws-simulator';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { fetchClient, type ApiClient } from './api';
import { simulatorAppConfig } from './config';
import { POSTGRES_URL } from './database';

const PACKAGE_DIR = resolvePackagePath('@internal/ecs-tmpfs-reliability');
const REPO_ROOT = resolve(PACKAGE_DIR, '../..');
const MAIN = join(PACKAGE_DIR, 'src/harness/backendMain.ts');

/** A free TCP port on 127.0.0.1 (asked of the OS, then released). */
export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const server = createServer();
    server.once('error', rej);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => res(port));
    });
  });
}

export interface BackendProcessOptions {
  fleet: Fleet;
  simulatorUrl: string;
  /** PostgreSQL database prefix: the plugin's database is `<prefix>ecs-tmpfs` */
  databasePrefix: string;
  /** `ecsTmpfs.sync` (the schedule is off unless given) */
  sync?: Record<string, unknown>;
  /** the backend's LOG_LEVEL (default warn) */
  logLevel?: string;
  /** a better-sqlite3 database in this directory instead of PostgreSQL (`ecs-tmpfs.sqlite`) */
  sqliteDirectory?: string;
  /** a JSON file of entities the in-memory catalog serves (default: none) */
  catalogEntitiesFile?: string;
}

/** One spawned backend process and what a test needs to talk to it and stop it. */
export interface BackendProcess {
  readonly port: number;
  readonly api: ApiClient;
  readonly child: ChildProcess;
  /** everything the process wrote to stdout and stderr */
  output(): string;
  /** SIGKILL, and wait until the process is gone */
  kill(): Promise<void>;
  /** SIGTERM (the backend's graceful stop), SIGKILL if it takes longer than 15 s */
  stop(): Promise<void>;
}

/**
 * The backend's app-config for a spawned process: PostgreSQL with a per-scenario database
 * prefix, the simulator as ECS and CloudWatch endpoint, and a static external-access token the
 * test calls the API with.
 */
export function backendProcessConfig(
  opts: BackendProcessOptions & { port: number; token: string },
) {
  const pg = new URL(POSTGRES_URL);
  return {
    app: { baseUrl: `http://127.0.0.1:${opts.port}` },
    backend: {
      baseUrl: `http://127.0.0.1:${opts.port}`,
      listen: { port: opts.port, host: '127.0.0.1' },
      database: opts.sqliteDirectory
        ? {
            client: 'better-sqlite3',
            connection: { directory: opts.sqliteDirectory },
          }
        : {
            client: 'pg',
            connection: {
              host: pg.hostname,
              port: Number(pg.port || 5432),
              user: decodeURIComponent(pg.username || 'postgres'),
              ...(pg.password && {
                password: decodeURIComponent(pg.password),
              }),
            },
            prefix: opts.databasePrefix,
          },
      auth: {
        externalAccess: [
          {
            type: 'static',
            options: { token: opts.token, subject: 'reliability-suite' },
          },
        ],
      },
    },
    ...simulatorAppConfig(
      opts.fleet,
      opts.simulatorUrl,
      opts.sync ?? { enabled: false },
    ),
  };
}

/** Spawns `backendMain.ts` and resolves once `/api/ecs-tmpfs/health` answers. */
export async function startBackendProcess(
  opts: BackendProcessOptions,
  startTimeoutMs = 90_000,
): Promise<BackendProcess> {
  const port = await freePort();
  const token = randomBytes(24).toString('base64url');
  const dir = mkdtempSync(join(tmpdir(), 'ecs-tmpfs-reliability-'));
  const configFile = join(dir, 'app-config.yaml');
  writeFileSync(
    configFile,
    stringify(backendProcessConfig({ ...opts, port, token })),
  );

  const child = spawn(
    process.execPath,
    [
      '-r',
      '@backstage/cli/config/nodeTransform.cjs',
      MAIN,
      '--config',
      configFile,
    ],
    {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'development',
        LOG_LEVEL: opts.logLevel ?? 'warn',
        ...(opts.catalogEntitiesFile && {
          RELIABILITY_CATALOG_ENTITIES: opts.catalogEntitiesFile,
        }),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', d => (output += d));
  child.stderr!.on('data', d => (output += d));
  const exited = new Promise<void>(r => {
    if (child.exitCode !== null || child.signalCode !== null) r();
    else child.once('exit', () => r());
  });
  exited.then(() => rmSync(dir, { recursive: true, force: true }));

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`backend process exited during start:\n${output}`);
    }
    try {
      const res = await fetch(`${baseUrl}/api/ecs-tmpfs/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      await exited;
      throw new Error(
        `backend process did not answer within ${startTimeoutMs} ms:\n${output}`,
      );
    }
    await new Promise(r => setTimeout(r, 250));
  }

  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
    }
    await exited;
  };
  return {
    port,
    api: fetchClient(baseUrl, `Bearer ${token}`),
    child,
    output: () => output,
    kill,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
