import { containerTmpfsMiB } from '../../model/containers';
import type { Rule } from '../types';

export const tmpfsExceedsTaskMemory: Rule = {
  id: 'tmpfs-exceeds-task-memory',
  severity: 'error',
  category: 'validity',
  description:
    'All tmpfs mounts of the task together are larger than the task memory.',
  check: ({ td }) => {
    const total = td.containers.reduce(
      (sum, c) => sum + containerTmpfsMiB(c),
      0,
    );
    if (td.memory === undefined || total <= td.memory) return [];
    return [
      {
        path: 'memory',
        message: `tmpfs mounts of the task total ${total} MiB, more than the task memory of ${td.memory} MiB`,
        fix: `Shrink the tmpfs mounts, or raise task memory above ${total} MiB plus what the containers need.`,
      },
    ];
  },
};
