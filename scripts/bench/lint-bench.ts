/*
 * Benchmark: lint 10,000 generated task definitions and report wall time and peak memory.
 * Run from the repository root:  yarn bench:lint  [count]
 * (= node -r @backstage/cli/config/nodeTransform.cjs scripts/bench/lint-bench.ts)
 *
 * Two paths are timed, each from JSON text to findings:
 *  - library: JSON.parse → parseTaskDefinitionDocument → lintTaskDefinition (what the backend does)
 *  - cli: the CLI's position-tracking parser + lint + line/column for every finding
 */
import {
  lintTaskDefinition,
  parseTaskDefinitionDocument,
  type LintOptions,
} from '@internal/plugin-ecs-tmpfs-common';
import { lintSource } from '@internal/ecs-tmpfs-cli/src/lintDocuments';
import { SeededRandom } from '@internal/ecs-aws-simulator';

const COUNT = Number(process.argv[2] ?? 10_000);
const TARGET_MS = 1000;
const TARGET_MB = 200;

const PATHS = [
  '/tmp',
  '/tmp/',
  '/var/cache/nginx',
  '/run/secrets',
  '/scratch',
  'data',
  '/proc/x',
];
const OPTIONS = [
  'rw',
  'noexec',
  'nosuid',
  'nodev',
  'mode=0700',
  'mode=1777',
  'exec',
  'mode',
  'uid=1000',
  'size=1m',
  'ro',
];
const SIZES: unknown[] = [16, 64, 256, 512, 1024, 0, '100m', 104857600];

/** A realistic mix: Fargate and EC2, sidecars, secrets, environment, valid and broken mounts. */
function generate(i: number): Record<string, unknown> {
  // the simulator's seeded generator, so every run lints the same fleet
  const random = new SeededRandom(i + 1);
  const r = () => random.next();
  const pick = <T>(list: T[]): T => list[Math.floor(r() * list.length)];
  const fargate = r() < 0.7;
  const containers = Array.from(
    { length: 1 + Math.floor(r() * 3) },
    (_, c) => ({
      name: `c${c}`,
      image: `123456789012.dkr.ecr.us-east-1.amazonaws.com/svc-${i}:${c}`,
      essential: c === 0,
      ...(r() < 0.6 && { readonlyRootFilesystem: true }),
      ...(r() < 0.4 && { user: pick(['1000:1000', 'nginx', '0']) }),
      ...(!fargate && { memory: pick([256, 512, 1024, 2048]) }),
      ...(r() < 0.3 && { memoryReservation: 128 }),
      portMappings: [{ containerPort: 8080, protocol: 'tcp' }],
      environment: [
        { name: 'APP_ENV', value: 'prod' },
        ...(r() < 0.3
          ? [{ name: 'TMPDIR', value: pick(['/tmp', '/scratch']) }]
          : []),
        ...(r() < 0.2
          ? [
              {
                name: 'JAVA_TOOL_OPTIONS',
                value: '-Xmx1g -Djava.io.tmpdir=/tmp',
              },
            ]
          : []),
      ],
      secrets: [
        {
          name: 'DB_PASSWORD',
          valueFrom: `arn:aws:ssm:us-east-1:1:parameter/svc-${i}`,
        },
      ],
      ...(r() < 0.8 && {
        linuxParameters: {
          initProcessEnabled: true,
          tmpfs: Array.from({ length: Math.floor(r() * 4) }, () => ({
            containerPath: pick(PATHS),
            size: r() < 0.9 ? pick([16, 64, 256, 512]) : pick(SIZES),
            mountOptions: OPTIONS.filter(() => r() < 0.25),
          })),
          ...(r() < 0.05 && { sharedMemorySize: 64 }),
        },
      }),
      logConfiguration: {
        logDriver: 'awslogs',
        options: { 'awslogs-group': `/ecs/svc-${i}` },
      },
    }),
  );
  const cpu = pick([256, 512, 1024, 2048, 4096]);
  return {
    taskDefinition: {
      taskDefinitionArn: `arn:aws:ecs:us-east-1:123456789012:task-definition/svc-${i}:${
        1 + (i % 40)
      }`,
      family: `svc-${i}`,
      revision: 1 + (i % 40),
      status: 'ACTIVE',
      networkMode: fargate ? 'awsvpc' : 'bridge',
      requiresCompatibilities: [fargate ? 'FARGATE' : 'EC2'],
      ...(fargate && {
        cpu: String(cpu),
        memory: String(cpu * pick([2, 4, 8])),
      }),
      runtimePlatform: {
        operatingSystemFamily:
          r() < 0.02 ? 'WINDOWS_SERVER_2022_CORE' : 'LINUX',
      },
      containerDefinitions: containers,
    },
    tags: [{ key: 'team', value: `team-${i % 50}` }],
  };
}

function mib(bytes: number): number {
  return Math.round((bytes / 1024 / 1024) * 10) / 10;
}

let peakHeap = 0;
function sampleHeap() {
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
}

interface PassResult {
  label: string;
  ms: number;
  cpuMs: number;
  findings: number;
}

function run(
  label: string,
  texts: string[],
  lintOne: (text: string, i: number) => number,
): PassResult {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  let findings = 0;
  for (let i = 0; i < texts.length; i++) {
    findings += lintOne(texts[i], i);
    if (i % 500 === 0) sampleHeap();
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(cpu);
  sampleHeap();
  return {
    label,
    ms: Math.round(ms),
    cpuMs: Math.round((used.user + used.system) / 1000),
    findings,
  };
}

function best(label: string, passes: PassResult[]): PassResult {
  return { ...passes.reduce((a, b) => (b.ms < a.ms ? b : a)), label };
}

function main() {
  const baselineRssMB = mib(process.memoryUsage().rss);
  const texts = Array.from({ length: COUNT }, (_, i) =>
    JSON.stringify(generate(i)),
  );
  const inputMB = mib(texts.reduce((sum, t) => sum + t.length, 0));
  const options = (i: number): LintOptions => ({
    metricsAvailable: true,
    observedPeakMiB: i % 10 === 0 ? undefined : 100 + (i % 900),
  });
  const library = (text: string, i: number) =>
    parseTaskDefinitionDocument(JSON.parse(text)).reduce(
      (n, td) => n + lintTaskDefinition(td, options(i)).findings.length,
      0,
    );
  const cli = (text: string, i: number) =>
    lintSource({ file: `svc-${i}.json`, text }, options(i)).reduce(
      (n, r) => n + r.findings.length,
      0,
    );

  const results = [
    run('library, 1st pass', texts, library),
    best(
      'library, best of 3',
      [1, 2, 3].map(() => run('', texts, library)),
    ),
    best(
      'cli path, best of 2',
      [1, 2].map(() => run('', texts, cli)),
    ),
  ];
  const rssMB = mib(process.resourceUsage().maxRSS * 1024);
  console.log(
    `ecs-tmpfs lint benchmark: ${COUNT} task definitions (${inputMB} MB of JSON), node ${
      process.version
    }, load average ${require('node:os')
      .loadavg()
      .map((l: number) => l.toFixed(1))
      .join(' ')}`,
  );
  for (const r of results) {
    console.log(
      `  ${r.label.padEnd(20)} ${String(r.ms).padStart(6)} ms wall ${String(
        r.cpuMs,
      ).padStart(6)} ms cpu  ${r.findings} findings`,
    );
  }
  console.log(
    `  peak RSS ${rssMB} MB (baseline after loading the TypeScript transform: ${baselineRssMB} MB), peak heap used ${mib(
      peakHeap,
    )} MB`,
  );
  const verdict = (ms: number) => (ms < TARGET_MS ? 'met' : 'NOT met');
  console.log(
    `  target < ${TARGET_MS} ms: 1st pass (cold JIT) ${verdict(
      results[0].ms,
    )}, warm ${verdict(results[1].ms)}; target < ${TARGET_MB} MB peak RSS: ${
      rssMB < TARGET_MB ? 'met' : 'NOT met'
    }`,
  );
}

main();
