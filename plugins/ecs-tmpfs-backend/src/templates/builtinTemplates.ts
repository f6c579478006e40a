import type { TmpfsTemplateInput } from '@internal/plugin-ecs-tmpfs-common';

const PLATFORM = 'group:default/platform';

/**
 * The curated templates for the use cases of the ECS tmpfs launch (short-lived secrets,
 * /tmp scratch, caches, build scratch). Every mount keeps Docker's secure defaults
 * (`noexec,nosuid,nodev`) explicitly, so they survive a later `exec` elsewhere, and the
 * secrets mount is private to the container's user.
 */
export const BUILTIN_TEMPLATES: TmpfsTemplateInput[] = [
  {
    name: 'secrets-tmpfs',
    title: 'Short-lived secrets',
    description:
      'A small in-memory /run/secrets for secrets fetched at start-up: never written to the ' +
      'image filesystem, gone when the task stops, readable only by the container user.',
    owner: PLATFORM,
    mounts: [
      {
        containerPath: '/run/secrets',
        size: 16,
        mountOptions: ['noexec', 'nosuid', 'nodev', 'mode=0700'],
      },
    ],
    readonlyRootFilesystem: true,
    tags: ['secrets', 'security'],
  },
  {
    name: 'tmp-scratch',
    title: '/tmp scratch space',
    description:
      'A writable /tmp in memory so the container can run with a read-only root filesystem ' +
      '(Security Hub ECS.5). Size it to what the application writes to /tmp at peak.',
    owner: PLATFORM,
    mounts: [
      {
        containerPath: '/tmp',
        size: 256,
        mountOptions: ['noexec', 'nosuid', 'nodev'],
      },
    ],
    readonlyRootFilesystem: true,
    tags: ['scratch', 'readonly-root'],
  },
  {
    name: 'app-cache',
    title: 'Application cache',
    description:
      'An in-memory cache directory (/var/cache/app) for data that can be rebuilt after a ' +
      'restart. Counts against task memory: check the headroom before raising its size.',
    owner: PLATFORM,
    mounts: [
      {
        containerPath: '/var/cache/app',
        size: 512,
        mountOptions: ['noexec', 'nosuid', 'nodev'],
      },
    ],
    readonlyRootFilesystem: true,
    tags: ['cache'],
  },
  {
    name: 'build-scratch',
    title: 'Build scratch space',
    description:
      'A large scratch directory (/build) plus /tmp for build and CI tasks. Executables are ' +
      'not allowed on it; a build that must run what it compiles needs its own template.',
    owner: PLATFORM,
    mounts: [
      {
        containerPath: '/build',
        size: 2048,
        mountOptions: ['noexec', 'nosuid', 'nodev'],
      },
      {
        containerPath: '/tmp',
        size: 512,
        mountOptions: ['noexec', 'nosuid', 'nodev'],
      },
    ],
    readonlyRootFilesystem: true,
    tags: ['build', 'scratch'],
  },
];
