import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** The fleet and faults of a simulator process started for a benchmark. */
export interface SimulatorProcessOptions {
  port: number;
  services: number;
  clusters: number;
  accounts: string[];
  regions: string[];
  /** added latency per AWS call, ms */
  latency: number;
  seed: number;
}

/**
 * Starts `packages/ecs-aws-simulator/bin/ecs-aws-simulator` as its own process, so the
 * benchmarked backend does not share a CPU-bound event loop with the fake AWS, and resolves
 * once it listens.
 */
export async function startSimulatorProcess(
  options: SimulatorProcessOptions,
): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      path.resolve(
        __dirname,
        '../../packages/ecs-aws-simulator/bin/ecs-aws-simulator',
      ),
      ...['--port', String(options.port)],
      ...['--services', String(options.services)],
      ...['--clusters', String(options.clusters)],
      ...['--accounts', options.accounts.join(',')],
      ...['--regions', options.regions.join(',')],
      ...['--latency', String(options.latency)],
      ...['--seed', String(options.seed)],
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', d => {
      if (String(d).includes('listening')) resolve();
    });
    child.on('exit', code => reject(new Error(`simulator exited ${code}`)));
  });
  return child;
}
