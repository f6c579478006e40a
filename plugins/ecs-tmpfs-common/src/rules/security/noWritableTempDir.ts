import {
  containerJsonPath,
  isWindows,
  tmpfsEntries,
} from '../../model/containers';
import { isPathWithin, isWritableMount } from '../../model/mounts';
import type { ContainerModel } from '../../model/types';
import { containerFinding, quote } from '../helpers';
import type { Rule } from '../types';

/** Writable directories of a container: its writable tmpfs mounts and read-write volumes. */
function writablePaths(container: ContainerModel): string[] {
  return [
    ...tmpfsEntries(container)
      .filter(e => e.containerPath && isWritableMount(e.options))
      .map(e => e.containerPath as string),
    ...container.mountPoints
      .filter(mp => mp.containerPath && !mp.readOnly)
      .map(mp => mp.containerPath as string),
  ];
}

export const noWritableTempDir: Rule = {
  id: 'no-writable-temp-dir',
  severity: 'warning',
  category: 'security',
  description:
    'The root is read-only and the temp directory (/tmp, TMPDIR, java.io.tmpdir) is neither a tmpfs nor a volume.',
  check: ({ td }) =>
    isWindows(td)
      ? []
      : td.containers
          .filter(c => c.readonlyRootFilesystem === true)
          .flatMap(c => {
            const named = c.environment.tempDirs.filter(d => d.startsWith('/'));
            const tempDirs = named.length ? named : ['/tmp'];
            const writable = writablePaths(c);
            return tempDirs
              .filter(dir => !writable.some(w => isPathWithin(dir, w)))
              .map(dir =>
                containerFinding(
                  c,
                  `${containerJsonPath(c)}.readonlyRootFilesystem`,
                  `container "${
                    c.name
                  }" has a read-only root but its temp directory ${quote(
                    dir,
                  )} is not writable`,
                  `Add a tmpfs at ${quote(
                    dir,
                  )}, e.g. { "containerPath": ${quote(
                    dir,
                  )}, "size": 64, "mountOptions": ["noexec", "nosuid", "nodev"] }.`,
                ),
              );
          }),
};
