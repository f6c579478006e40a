import { containerJsonPath, tmpfsEntries } from '../../model/containers';
import { normaliseContainerPath } from '../../model/mounts';
import { containerFinding, quote } from '../helpers';
import type { Rule } from '../types';

export const tmpfsPathDuplicate: Rule = {
  id: 'tmpfs-path-duplicate',
  severity: 'error',
  category: 'validity',
  description:
    'Two tmpfs mounts, or a tmpfs and a mountPoints entry, resolve to the same path in one container.',
  check: ({ td }) =>
    td.containers.flatMap(container => {
      // mountPoints come first: a tmpfs is the one reported when it clashes with a volume.
      const seen = new Map<string, string>();
      container.mountPoints.forEach((mp, i) => {
        if (mp.containerPath) {
          const key = normaliseContainerPath(mp.containerPath);
          if (!seen.has(key)) {
            seen.set(
              key,
              `mountPoints[${i}] (volume ${quote(mp.sourceVolume ?? '?')})`,
            );
          }
        }
      });
      return tmpfsEntries(container).flatMap(e => {
        if (!e.containerPath) return [];
        const first = seen.get(e.containerPath);
        if (!first) {
          seen.set(e.containerPath, `linuxParameters.tmpfs[${e.index}]`);
          return [];
        }
        return [
          containerFinding(
            container,
            `${e.path}.containerPath`,
            `tmpfs ${quote(String(e.mount.containerPath))} in container "${
              container.name
            }" resolves to ${quote(
              e.containerPath,
            )}, already mounted by ${first}`,
            `Remove this mount or merge it with ${containerJsonPath(
              container,
            )}.${first.split(' ')[0]}.`,
          ),
        ];
      });
    }),
};
