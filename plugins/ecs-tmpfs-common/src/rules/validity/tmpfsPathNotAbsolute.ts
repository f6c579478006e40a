import { tmpfsEntries } from '../../model/containers';
import { describeValue } from '../../model/json';
import { containerFinding } from '../helpers';
import type { Rule } from '../types';

export const tmpfsPathNotAbsolute: Rule = {
  id: 'tmpfs-path-not-absolute',
  severity: 'error',
  category: 'validity',
  description: 'A tmpfs containerPath must be a non-empty absolute path.',
  check: ({ td }) =>
    td.containers.flatMap(container =>
      tmpfsEntries(container)
        .filter(e => {
          const p = e.mount.containerPath;
          return typeof p !== 'string' || !p.startsWith('/');
        })
        .map(e =>
          containerFinding(
            container,
            `${e.path}.containerPath`,
            `tmpfs containerPath ${describeValue(
              e.mount.containerPath,
            )} in container "${container.name}" is not an absolute path`,
            typeof e.mount.containerPath === 'string' &&
              e.mount.containerPath !== ''
              ? `Use "/${e.mount.containerPath.replace(/^\.?\/*/, '')}".`
              : 'Set containerPath to an absolute path such as "/tmp".',
          ),
        ),
    ),
};
