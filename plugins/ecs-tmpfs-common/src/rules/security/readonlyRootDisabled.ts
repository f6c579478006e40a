import { containerJsonPath, isWindows } from '../../model/containers';
import { containerFinding } from '../helpers';
import type { Rule } from '../types';

export const readonlyRootDisabled: Rule = {
  id: 'readonly-root-disabled',
  severity: 'warning',
  category: 'security',
  description:
    'A Linux container lacks readonlyRootFilesystem: true (Security Hub ECS.5).',
  check: ({ td }) =>
    isWindows(td)
      ? []
      : td.containers
          .filter(c => c.readonlyRootFilesystem !== true)
          .map(c =>
            containerFinding(
              c,
              `${containerJsonPath(c)}.readonlyRootFilesystem`,
              `container "${c.name}" has readonlyRootFilesystem ${
                c.readonlyRootFilesystem === false ? 'false' : 'unset'
              }: its root filesystem is writable (Security Hub ECS.5)`,
              'Set readonlyRootFilesystem: true and give the paths the app writes to a tmpfs (e.g. /tmp).',
            ),
          ),
};
