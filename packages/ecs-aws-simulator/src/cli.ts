import { AwsSimulator } from './AwsSimulator';
import { demoFleet } from './fleet/demoFleet';
import { generateFleet } from './fleet/generateFleet';
import { loadFleetFromDirectory } from './fleet/loadFleetFromDirectory';
import { Fleet } from './fleet/types';
import { startSimulatorServer } from './server';

const USAGE = `Usage: ecs-aws-simulator [options]
  --port <n>          port to listen on (default 4599)
  --host <addr>       address to bind (default 127.0.0.1)
  --fleet-dir <dir>   serve the task definitions in <dir> (files from aws ecs describe-task-definition)
  --services <n>      serve a generated fleet of <n> services instead of the demo fleet
  --clusters <n>      clusters in the generated fleet (default: services / 50, at least 4)
  --accounts <list>   comma-separated accounts of the generated fleet
  --regions <list>    comma-separated Regions of the generated fleet
  --latency <ms>      added latency per call
  --throttle <rate>   fraction of calls (0..1) answered with ThrottlingException
  --rate-limits       meter calls with AWS's per account × Region token buckets
  --seed <n>          seed for the generated fleet, throttling and metric noise`;

export interface CliOptions {
  port: number;
  host: string;
  fleetDir?: string;
  services?: number;
  clusters?: number;
  accounts?: string[];
  regions?: string[];
  latencyMs: number;
  throttleRate: number;
  rateLimits: boolean;
  seed: number;
}

function numberFlag(
  flag: string,
  value: string | undefined,
  min: number,
  max: number,
): number {
  const n = Number(value);
  if (value === undefined || !Number.isFinite(n) || n < min || n > max) {
    throw new Error(
      `${flag} must be a number from ${min} to ${max}, got ${JSON.stringify(
        value,
      )}`,
    );
  }
  return n;
}

export function parseArgs(argv: string[]): CliOptions {
  const opts: CliOptions = {
    port: 4599,
    host: '127.0.0.1',
    latencyMs: 0,
    throttleRate: 0,
    rateLimits: false,
    seed: 1,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) {
        throw new Error(`${flag} needs a value`);
      }
      return v;
    };
    switch (flag) {
      case '--port':
        opts.port = numberFlag(flag, value(), 0, 65535);
        break;
      case '--host':
        opts.host = value();
        break;
      case '--fleet-dir':
        opts.fleetDir = value();
        break;
      case '--services':
        opts.services = numberFlag(flag, value(), 1, 100_000);
        break;
      case '--clusters':
        opts.clusters = numberFlag(flag, value(), 1, 10_000);
        break;
      case '--accounts':
        opts.accounts = value().split(',').filter(Boolean);
        break;
      case '--regions':
        opts.regions = value().split(',').filter(Boolean);
        break;
      case '--latency':
        opts.latencyMs = numberFlag(flag, value(), 0, 60_000);
        break;
      case '--throttle':
        opts.throttleRate = numberFlag(flag, value(), 0, 1);
        break;
      case '--rate-limits':
        opts.rateLimits = true;
        break;
      case '--seed':
        opts.seed = numberFlag(flag, value(), 0, 2 ** 32 - 1);
        break;
      default:
        throw new Error(`unknown option ${flag}\n${USAGE}`);
    }
  }
  return opts;
}

export function fleetFor(opts: CliOptions): Fleet {
  if (opts.fleetDir) {
    return loadFleetFromDirectory(opts.fleetDir);
  }
  if (
    opts.services !== undefined ||
    opts.clusters !== undefined ||
    opts.accounts ||
    opts.regions
  ) {
    const services = opts.services ?? 80;
    return generateFleet({
      services,
      clusters: opts.clusters ?? Math.max(4, Math.ceil(services / 50)),
      accounts: opts.accounts,
      regions: opts.regions,
      seed: opts.seed,
    });
  }
  return demoFleet();
}

/** Entry point of bin/ecs-aws-simulator. */
export async function main(argv: string[]): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  let opts: CliOptions;
  try {
    opts = parseArgs(argv);
  } catch (error) {
    process.stderr.write(`ecs-aws-simulator: ${(error as Error).message}\n`);
    process.exitCode = 2;
    return;
  }
  const sim = new AwsSimulator({
    fleet: fleetFor(opts),
    seed: opts.seed,
    rateLimits: opts.rateLimits,
    faults: { latencyMs: opts.latencyMs, throttleRate: opts.throttleRate },
  });
  const server = await startSimulatorServer(sim, {
    port: opts.port,
    host: opts.host,
  });
  process.stdout.write(
    `ECS/CloudWatch simulator listening on ${
      server.url
    } (${sim.serviceCount()} services)\n`,
  );
  const stop = () => {
    server.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
