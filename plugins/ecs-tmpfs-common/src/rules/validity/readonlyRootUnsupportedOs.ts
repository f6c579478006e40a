import { containerJsonPath, isWindows } from '../../model/containers';
import { containerFinding } from '../helpers';
import type { Rule } from '../types';

export const readonlyRootUnsupportedOs: Rule = {
  id: 'readonly-root-unsupported-os',
  severity: 'error',
  category: 'validity',
  description: 'readonlyRootFilesystem is not supported on Windows tasks.',
  check: ({ td }) =>
    isWindows(td)
      ? td.containers
          .filter(c => c.readonlyRootFilesystem === true)
          .map(c =>
            containerFinding(
              c,
              `${containerJsonPath(c)}.readonlyRootFilesystem`,
              `container "${c.name}" sets readonlyRootFilesystem: true but the task runs on ${td.runtimePlatform?.operatingSystemFamily}`,
              'Remove readonlyRootFilesystem from this Windows container.',
            ),
          )
      : [],
};
