import { mountOptionEntries, tmpfsEntries } from '../../model/containers';
import type { MountOptionEntry } from '../../model/containers';
import {
  CONFLICTING_MOUNT_OPTIONS,
  PROPAGATION_MOUNT_OPTIONS,
  VALUE_MOUNT_OPTIONS,
} from '../../model/mounts';
import { containerFinding, quote } from '../helpers';
import type { RuleFinding } from '../helpers';
import type { Rule } from '../types';

export const tmpfsOptionConflict: Rule = {
  id: 'tmpfs-option-conflict',
  severity: 'error',
  category: 'validity',
  description:
    'One mount has contradictory options (ro/rw, exec/noexec …), two propagation modes, or two values for one key.',
  check: ({ td }) =>
    td.containers.flatMap(container =>
      tmpfsEntries(container).flatMap(e => {
        const options = mountOptionEntries(e);
        if (options.length < 2) return [];
        const findings: RuleFinding[] = [];
        const report = (first: MountOptionEntry, second: MountOptionEntry) =>
          findings.push(
            containerFinding(
              container,
              second.path,
              `mount options ${quote(first.option)} and ${quote(
                second.option,
              )} contradict each other in tmpfs ${quote(
                String(e.mount.containerPath),
              )} of container "${container.name}"`,
              `Keep only the one you mean (Docker applies the later one, ${quote(
                second.option,
              )}).`,
            ),
          );
        for (const [a, b] of CONFLICTING_MOUNT_OPTIONS) {
          const first = options.find(o => o.option === a || o.option === b);
          const opposite = first?.option === a ? b : a;
          const second = options.find(
            o => o.index > (first?.index ?? -1) && o.option === opposite,
          );
          if (first && second) report(first, second);
        }
        const propagation = options.filter(o =>
          PROPAGATION_MOUNT_OPTIONS.includes(o.option),
        );
        const distinct = propagation.find(
          o => o.option !== propagation[0].option,
        );
        if (distinct) report(propagation[0], distinct);
        for (const key of VALUE_MOUNT_OPTIONS) {
          const valued = options.filter(
            o => o.key === key && o.value !== undefined,
          );
          const other = valued.find(o => o.value !== valued[0].value);
          if (other) report(valued[0], other);
        }
        return findings;
      }),
    ),
};
