import { tmpfsEntries } from '../../model/containers';
import { describeValue } from '../../model/json';
import { containerFinding } from '../helpers';
import type { Rule } from '../types';

const COMPOSE_SIZE = /^(\d+(?:\.\d+)?)\s*([kmg])?b?$/i;

/** What a size written as a string (`"100m"`, `"512"`) means in MiB, if anything. */
function stringSizeInMiB(size: string): number | undefined {
  const match = COMPOSE_SIZE.exec(size.trim());
  if (!match) return undefined;
  const n = Number(match[1]);
  // a bare number string is taken as MiB, the unit of the field
  const perUnit: Record<string, number> = { g: 1024, m: 1, k: 1 / 1024, '': 1 };
  const mib = n * perUnit[(match[2] ?? '').toLowerCase()];
  return Math.max(1, Math.ceil(mib));
}

export const tmpfsSizeInvalid: Rule = {
  id: 'tmpfs-size-invalid',
  severity: 'error',
  category: 'validity',
  description:
    'A tmpfs size is required and must be an integer number of MiB, at least 1.',
  check: ({ td }) =>
    td.containers.flatMap(container =>
      tmpfsEntries(container)
        .filter(e => e.sizeMiB === undefined)
        .map(e => {
          const size = e.mount.size;
          let fix = 'Set size to the capacity in MiB as an integer, e.g. 64.';
          if (typeof size === 'string') {
            const mib = stringSizeInMiB(size);
            if (mib !== undefined)
              fix = `Write size as the number ${mib} (MiB).`;
          } else if (typeof size === 'number' && size > 0) {
            fix = `Round size up to ${Math.ceil(size)} (MiB).`;
          }
          return containerFinding(
            container,
            `${e.path}.size`,
            `tmpfs size ${describeValue(size)} in container "${
              container.name
            }" is not an integer number of MiB ≥ 1`,
            fix,
          );
        }),
    ),
};
