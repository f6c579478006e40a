import { tmpfsEntries } from '../../model/containers';
import { isPathWithin } from '../../model/mounts';
import { containerFinding, quote } from '../helpers';
import type { Rule } from '../types';

/** Mounting over these hides what the kernel and the runtime put there. */
function isReserved(path: string): boolean {
  return (
    path === '/' ||
    path === '/dev' ||
    isPathWithin(path, '/proc') ||
    isPathWithin(path, '/sys')
  );
}

export const tmpfsPathReserved: Rule = {
  id: 'tmpfs-path-reserved',
  severity: 'error',
  category: 'validity',
  description:
    'A tmpfs must not be mounted on /, /dev, /proc, /sys or below /proc or /sys.',
  check: ({ td }) =>
    td.containers.flatMap(container =>
      tmpfsEntries(container)
        .filter(e => e.containerPath && isReserved(e.containerPath))
        .map(e =>
          containerFinding(
            container,
            `${e.path}.containerPath`,
            `tmpfs containerPath ${quote(
              String(e.mount.containerPath),
            )} in container "${container.name}" is a reserved system path`,
            'Mount the tmpfs on an application directory such as "/tmp" or "/var/cache/app".',
          ),
        ),
    ),
};
