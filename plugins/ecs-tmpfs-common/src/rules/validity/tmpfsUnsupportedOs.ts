import { isWindows, tmpfsJsonPath } from '../../model/containers';
import { containerFinding } from '../helpers';
import type { Rule } from '../types';

export const tmpfsUnsupportedOs: Rule = {
  id: 'tmpfs-unsupported-os',
  severity: 'error',
  category: 'validity',
  description: 'tmpfs mounts are not supported on Windows tasks.',
  check: ({ td }) =>
    isWindows(td)
      ? td.containers
          .filter(
            c =>
              Array.isArray(c.linuxParameters?.tmpfs) &&
              c.linuxParameters!.tmpfs!.length > 0,
          )
          .map(c =>
            containerFinding(
              c,
              tmpfsJsonPath(c),
              `container "${c.name}" has tmpfs mounts but the task runs on ${td.runtimePlatform?.operatingSystemFamily}`,
              'Remove linuxParameters.tmpfs, or run the container on a Linux task.',
            ),
          )
      : [],
};
