import type { ServiceFactory } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  AwsSimulator,
  startSimulatorServer,
  type Fleet,
  type SimulatorServer,
} from '@internal/ecs-aws-simulator';
import ecsTmpfsPlugin from '@internal/plugin-ecs-tmpfs-backend';
import type { Knex } from 'knex';
import request from 'supertest';
import type { ApiClient } from './api';
import { simulatorAppConfig } from './config';

export interface InProcessBackend {
  api: (authorization: string) => ApiClient;
  server: Parameters<typeof request>[0];
  sim: AwsSimulator;
  simulator: SimulatorServer;
  stop(): Promise<void>;
}

/**
 * The real ecs-tmpfs plugin in `startTestBackend` on a real database, syncing a simulated fleet
 * through the simulator's HTTP server on an ephemeral port.
 */
export async function startInProcessBackend(opts: {
  knex: Knex;
  fleet: Fleet;
  simulator?: ConstructorParameters<typeof AwsSimulator>[0];
  entities?: Entity[];
  catalog?: ServiceFactory;
  permissions?: ServiceFactory;
}): Promise<InProcessBackend> {
  const sim = new AwsSimulator({ fleet: opts.fleet, ...opts.simulator });
  const simulator = await startSimulatorServer(sim, {
    port: 0,
    host: '127.0.0.1',
  });
  const { server } = await startTestBackend({
    features: [
      ecsTmpfsPlugin,
      mockServices.database.factory({ knex: opts.knex }),
      mockServices.rootConfig.factory({
        data: simulatorAppConfig(opts.fleet, simulator.url),
      }),
      opts.permissions ??
        mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      opts.catalog ?? catalogServiceMock.factory({ entities: opts.entities }),
    ],
  });
  const api = (authorization: string): ApiClient => ({
    get: async path => {
      const res = await request(server)
        .get(path)
        .set('Authorization', authorization);
      return { status: res.status, body: res.body };
    },
    post: async (path, body) => {
      const res = await request(server)
        .post(path)
        .set('Authorization', authorization)
        .send(body as object);
      return { status: res.status, body: res.body };
    },
  });
  return {
    api,
    server,
    sim,
    simulator,
    async stop() {
      await server.stop();
      await simulator.close();
    },
  };
}
