import { containerTmpfsMiB, tmpfsJsonPath } from '../../model/containers';
import { containerFinding } from '../helpers';
import type { Rule } from '../types';

export const tmpfsExceedsContainerMemory: Rule = {
  id: 'tmpfs-exceeds-container-memory',
  severity: 'error',
  category: 'validity',
  description:
    "A container's tmpfs total is larger than its hard memory limit, so it can never be filled.",
  check: ({ td }) =>
    td.containers.flatMap(c => {
      const total = containerTmpfsMiB(c);
      if (c.memory === undefined || total <= c.memory) return [];
      return [
        containerFinding(
          c,
          tmpfsJsonPath(c),
          `tmpfs in container "${c.name}" totals ${total} MiB, more than its memory limit of ${c.memory} MiB`,
          `Shrink the tmpfs mounts below ${c.memory} MiB together, or raise memory to at least ${total} MiB plus what the process needs.`,
        ),
      ];
    }),
};
