import { mountOptionEntries, tmpfsEntries } from '../../model/containers';
import { effectiveMountFlag, isWritableMount } from '../../model/mounts';
import { containerFinding, quote } from '../helpers';
import type { Rule } from '../types';

export const tmpfsExecAllowed: Rule = {
  id: 'tmpfs-exec-allowed',
  severity: 'warning',
  category: 'security',
  description: 'A writable tmpfs explicitly allows exec.',
  check: ({ td }) =>
    td.containers.flatMap(c =>
      tmpfsEntries(c).flatMap(e => {
        const exec = mountOptionEntries(e).filter(o => o.option === 'exec');
        // Docker's default is noexec; only an `exec` that is not undone later matters.
        if (
          exec.length === 0 ||
          !effectiveMountFlag(e.options, 'exec', 'noexec', false) ||
          !isWritableMount(e.options)
        ) {
          return [];
        }
        return [
          containerFinding(
            c,
            exec[exec.length - 1].path,
            `writable tmpfs ${quote(
              String(e.mount.containerPath),
            )} in container "${
              c.name
            }" allows exec: anything written there can be run`,
            'Replace "exec" with "noexec", or mount it "ro" if it only serves files.',
          ),
        ];
      }),
    ),
};
