import { SeededRandom } from '../random';
import { SimLaunchType } from './types';

type Json = Record<string, unknown>;

/** The kinds of workload a generated service runs; each yields a realistic task definition. */
export type Archetype =
  | 'node-api'
  | 'java-api'
  | 'nginx-web'
  | 'python-worker'
  | 'go-api'
  | 'legacy-no-tmpfs'
  | 'build-runner';

export const ARCHETYPES: Archetype[] = [
  'node-api',
  'java-api',
  'nginx-web',
  'python-worker',
  'go-api',
  'legacy-no-tmpfs',
  'build-runner',
];

/** Misconfigurations from the rule catalogue that generated fleets contain on purpose. */
export type Misconfiguration =
  | 'bare-mode-option'
  | 'size-in-mount-options'
  | 'exec-on-tmp'
  | 'secrets-without-mode'
  | 'tmpfs-exceeds-container-memory'
  | 'readonly-root-in-linux-parameters'
  | 'invalid-fargate-size'
  | 'shared-memory-on-fargate'
  | 'duplicate-tmpfs-path'
  | 'readonly-root-without-tmp';

export const MISCONFIGURATIONS: Misconfiguration[] = [
  'bare-mode-option',
  'size-in-mount-options',
  'exec-on-tmp',
  'secrets-without-mode',
  'tmpfs-exceeds-container-memory',
  'readonly-root-in-linux-parameters',
  'invalid-fargate-size',
  'shared-memory-on-fargate',
  'duplicate-tmpfs-path',
  'readonly-root-without-tmp',
];

const SECURE = ['rw', 'noexec', 'nosuid', 'nodev'];

const FARGATE_SIZES: Array<[number, number]> = [
  [256, 512],
  [512, 1024],
  [512, 2048],
  [1024, 2048],
  [1024, 4096],
  [2048, 4096],
  [2048, 8192],
  [4096, 8192],
];

export interface ArchetypeInput {
  family: string;
  accountId: string;
  region: string;
  launchType: SimLaunchType;
  rng: SeededRandom;
  /** a value that looks like a credential, planted in `environment` so tests can prove the
   *  product never stores environment values */
  plantedSecret?: string;
}

function image(input: ArchetypeInput, repo: string) {
  return `${input.accountId}.dkr.ecr.${
    input.region
  }.amazonaws.com/${repo}:${input.rng.int(1, 9)}.${input.rng.int(
    0,
    30,
  )}.${input.rng.int(0, 9)}`;
}

function logConfiguration(input: ArchetypeInput, prefix: string) {
  return {
    logDriver: 'awslogs',
    options: {
      'awslogs-group': `/ecs/${input.family}`,
      'awslogs-region': input.region,
      'awslogs-stream-prefix': prefix,
    },
  };
}

function env(input: ArchetypeInput, entries: Array<[string, string]>) {
  const all = [...entries];
  if (input.plantedSecret) {
    all.push(['DB_PASSWORD', input.plantedSecret]);
  }
  return all.map(([name, value]) => ({ name, value }));
}

function taskShell(input: ArchetypeInput, cpu: number, memory: number): Json {
  const td: Json = { family: input.family };
  if (input.launchType === 'EC2') {
    td.networkMode = input.rng.chance(0.5) ? 'bridge' : 'awsvpc';
    td.requiresCompatibilities = ['EC2'];
  } else {
    td.networkMode = 'awsvpc';
    td.requiresCompatibilities = [input.launchType];
    td.cpu = String(cpu);
    td.memory = String(memory);
  }
  td.runtimePlatform = {
    cpuArchitecture: input.rng.chance(0.4) ? 'ARM64' : 'X86_64',
    operatingSystemFamily: 'LINUX',
  };
  td.executionRoleArn = `arn:aws:iam::${input.accountId}:role/ecsTaskExecutionRole`;
  td.taskRoleArn = `arn:aws:iam::${input.accountId}:role/${input.family}`;
  return td;
}

/** A register-input task definition of the given archetype (valid and secure by default). */
export function buildTaskDefinition(
  archetype: Archetype,
  input: ArchetypeInput,
): Json {
  const { rng } = input;
  const [cpu, memory] = rng.pick(FARGATE_SIZES);
  const td = taskShell(input, cpu, memory);
  const ec2Memory = input.launchType === 'EC2' ? { memory } : {};
  switch (archetype) {
    case 'node-api':
      td.containerDefinitions = [
        {
          name: 'app',
          image: image(input, input.family),
          essential: true,
          ...ec2Memory,
          readonlyRootFilesystem: true,
          user: '1000',
          portMappings: [{ containerPort: 3000, protocol: 'tcp' }],
          environment: env(input, [
            ['NODE_ENV', 'production'],
            ['PORT', '3000'],
          ]),
          linuxParameters: {
            initProcessEnabled: true,
            tmpfs: [
              {
                containerPath: '/tmp',
                size: 64 * rng.int(1, 4),
                mountOptions: [...SECURE, 'mode=1777'],
              },
            ],
          },
          logConfiguration: logConfiguration(input, 'app'),
        },
      ];
      break;
    case 'java-api':
      td.containerDefinitions = [
        {
          name: input.family,
          image: image(input, input.family),
          essential: true,
          ...ec2Memory,
          readonlyRootFilesystem: true,
          user: '1000:1000',
          portMappings: [{ containerPort: 8443, protocol: 'tcp' }],
          environment: env(input, [
            [
              'JAVA_TOOL_OPTIONS',
              '-XX:MaxRAMPercentage=70 -Djava.io.tmpdir=/tmp',
            ],
            ['SPRING_PROFILES_ACTIVE', 'prod'],
          ]),
          secrets: [
            {
              name: 'SIGNING_KEY',
              valueFrom: `arn:aws:ssm:${input.region}:${input.accountId}:parameter/${input.family}/signing-key`,
            },
          ],
          linuxParameters: {
            initProcessEnabled: true,
            tmpfs: [
              {
                containerPath: '/tmp',
                size: 256 * rng.int(1, 3),
                mountOptions: [...SECURE, 'mode=1777'],
              },
              {
                containerPath: '/secrets',
                size: 16,
                mountOptions: [...SECURE, 'uid=1000', 'mode=0700'],
              },
            ],
          },
          logConfiguration: logConfiguration(input, 'app'),
        },
        {
          name: 'datadog-agent',
          image: 'public.ecr.aws/datadog/agent:7.60.0',
          essential: false,
          memoryReservation: 256,
          environment: [
            {
              name: 'ECS_FARGATE',
              value: String(input.launchType === 'FARGATE'),
            },
          ],
          secrets: [
            {
              name: 'DD_API_KEY',
              valueFrom: `arn:aws:secretsmanager:${input.region}:${input.accountId}:secret:dd-api-key-AbC123`,
            },
          ],
        },
      ];
      break;
    case 'nginx-web':
      td.containerDefinitions = [
        {
          name: 'nginx',
          image: image(input, `${input.family}-nginx`),
          essential: true,
          memoryReservation: 256,
          user: '101',
          readonlyRootFilesystem: true,
          portMappings: [{ containerPort: 8080, protocol: 'tcp' }],
          linuxParameters: {
            capabilities: { drop: ['ALL'] },
            tmpfs: [
              {
                containerPath: '/var/cache/nginx',
                size: 128,
                mountOptions: [...SECURE, 'uid=101', 'gid=101'],
              },
              {
                containerPath: '/var/run',
                size: 8,
                mountOptions: [...SECURE, 'uid=101'],
              },
              {
                containerPath: '/tmp',
                size: 64,
                mountOptions: [...SECURE, 'mode=1777'],
              },
            ],
          },
          logConfiguration: logConfiguration(input, 'nginx'),
        },
        {
          name: 'app',
          image: image(input, `${input.family}-app`),
          essential: true,
          memory: Math.max(256, Math.floor(memory / 2)),
          readonlyRootFilesystem: false,
          environment: env(input, [['NODE_ENV', 'production']]),
          logConfiguration: logConfiguration(input, 'app'),
        },
      ];
      break;
    case 'python-worker':
      td.containerDefinitions = [
        {
          name: 'worker',
          image: image(input, input.family),
          essential: true,
          ...(input.launchType === 'EC2'
            ? { memory, memoryReservation: Math.floor(memory * 0.7) }
            : {}),
          readonlyRootFilesystem: true,
          command: [
            'python',
            '-m',
            `${input.family.replace(/-/g, '_')}.worker`,
          ],
          environment: env(input, [
            ['TMPDIR', '/scratch'],
            [
              'QUEUE_URL',
              `https://sqs.${input.region}.amazonaws.com/${input.accountId}/${input.family}`,
            ],
          ]),
          linuxParameters: {
            tmpfs: [
              {
                containerPath: '/scratch',
                size: 128 * rng.int(1, 4),
                mountOptions: ['rw', 'noatime', 'nosuid', 'nodev'],
              },
            ],
          },
          logConfiguration: logConfiguration(input, 'worker'),
        },
      ];
      break;
    case 'go-api':
      td.containerDefinitions = [
        {
          name: 'server',
          image: image(input, input.family),
          essential: true,
          ...ec2Memory,
          readonlyRootFilesystem: true,
          user: '65532',
          portMappings: [{ containerPort: 8080 }],
          environment: env(input, [
            ['GOMAXPROCS', String(Math.max(1, cpu / 1024))],
          ]),
          linuxParameters: {
            tmpfs: [
              {
                containerPath: '/tmp',
                size: 32,
                mountOptions: [...SECURE, 'uid=65532', 'mode=0700'],
              },
            ],
          },
          logConfiguration: logConfiguration(input, 'server'),
        },
      ];
      break;
    case 'legacy-no-tmpfs':
      td.containerDefinitions = [
        {
          name: input.family,
          image: image(input, input.family),
          essential: true,
          ...ec2Memory,
          portMappings: [{ containerPort: 8080 }],
          environment: env(input, [['PYTHONUNBUFFERED', '1']]),
          secrets: [
            {
              name: 'API_TOKEN',
              valueFrom: `arn:aws:secretsmanager:${input.region}:${input.accountId}:secret:${input.family}/token-QwErTy`,
            },
          ],
          logConfiguration: logConfiguration(input, input.family),
        },
      ];
      break;
    case 'build-runner':
      td.containerDefinitions = [
        {
          name: 'runner',
          image: image(input, 'build-runner'),
          essential: true,
          ...ec2Memory,
          readonlyRootFilesystem: true,
          environment: env(input, [['RUNNER_WORKDIR', '/build']]),
          linuxParameters: {
            tmpfs: [
              {
                containerPath: '/build',
                size: Math.floor(memory / 4),
                mountOptions: ['rw', 'noatime', 'exec'],
              },
              { containerPath: '/tmp', size: 256, mountOptions: [...SECURE] },
            ],
          },
        },
      ];
      break;
    default:
      throw new Error(`Unknown archetype ${archetype}`);
  }
  return td;
}

function firstContainer(td: Json): Json {
  return (td.containerDefinitions as Json[])[0];
}

function tmpfsOf(container: Json): Json[] {
  const lp = (container.linuxParameters ??= {}) as Json;
  return (lp.tmpfs ??= []) as Json[];
}

/** Applies one rule-catalogue misconfiguration to a task definition, in place. */
export function applyMisconfiguration(td: Json, kind: Misconfiguration): void {
  const container = firstContainer(td);
  const tmpfs = tmpfsOf(container);
  switch (kind) {
    case 'bare-mode-option':
      tmpfs.push({
        containerPath: '/var/tmp',
        size: 64,
        mountOptions: ['rw', 'noexec', 'mode'],
      });
      break;
    case 'size-in-mount-options':
      tmpfs.push({
        containerPath: '/cache',
        size: 128,
        mountOptions: ['rw', 'size=128m'],
      });
      break;
    case 'exec-on-tmp': {
      const tmp = tmpfs.find(m => m.containerPath === '/tmp');
      if (tmp) {
        tmp.mountOptions = ['rw', 'exec', 'nosuid', 'nodev'];
      } else {
        tmpfs.push({
          containerPath: '/tmp',
          size: 64,
          mountOptions: ['rw', 'exec'],
        });
      }
      break;
    }
    case 'secrets-without-mode':
      tmpfs.push({
        containerPath: '/run/secrets',
        size: 8,
        mountOptions: ['rw', 'noexec', 'nosuid', 'nodev'],
      });
      break;
    case 'tmpfs-exceeds-container-memory':
      container.memory = 512;
      tmpfs.push({
        containerPath: '/data',
        size: 1024,
        mountOptions: ['rw', 'noexec', 'nosuid', 'nodev'],
      });
      break;
    case 'readonly-root-in-linux-parameters':
      delete container.readonlyRootFilesystem;
      (container.linuxParameters as Json).readonlyRootFilesystem = true;
      break;
    case 'invalid-fargate-size':
      td.cpu = '512';
      td.memory = '512';
      break;
    case 'shared-memory-on-fargate':
      (container.linuxParameters as Json).sharedMemorySize = 256;
      break;
    case 'duplicate-tmpfs-path':
      tmpfs.push({
        containerPath: '/tmp/',
        size: 32,
        mountOptions: [...SECURE],
      });
      if (!tmpfs.some(m => m.containerPath === '/tmp')) {
        tmpfs.push({
          containerPath: '/tmp',
          size: 32,
          mountOptions: [...SECURE],
        });
      }
      break;
    case 'readonly-root-without-tmp':
      container.readonlyRootFilesystem = true;
      (container.linuxParameters as Json).tmpfs = [];
      break;
    default:
      throw new Error(`Unknown misconfiguration ${kind}`);
  }
}

/** Misconfigurations that only make sense for some launch types. */
export function misconfigurationFits(
  kind: Misconfiguration,
  launchType: SimLaunchType,
): boolean {
  if (kind === 'invalid-fargate-size' || kind === 'shared-memory-on-fargate') {
    return launchType === 'FARGATE';
  }
  return true;
}
