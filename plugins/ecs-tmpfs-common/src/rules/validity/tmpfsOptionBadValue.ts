import { mountOptionEntries, tmpfsEntries } from '../../model/containers';
import {
  ECS_TMPFS_MOUNT_OPTIONS,
  VALUE_MOUNT_OPTIONS,
} from '../../model/mounts';
import { containerFinding, quote } from '../helpers';
import type { Rule } from '../types';

const MPOL_POLICIES = ['default', 'prefer', 'bind', 'interleave', 'local'];

/** Why a `key=value` option's value is malformed, or undefined when it is fine. */
function problem(key: string, value: string): string | undefined {
  switch (key) {
    case 'mode':
      return /^[0-7]{3,4}$/.test(value)
        ? undefined
        : 'mode must be 3 or 4 octal digits, e.g. 0700';
    case 'uid':
    case 'gid':
      return /^\d+$/.test(value)
        ? undefined
        : `${key} must be a non-negative integer, e.g. 1000`;
    case 'nr_inodes':
    case 'nr_blocks':
      return /^\d+[kmg%]?$/i.test(value)
        ? undefined
        : `${key} must be a number, optionally with a k, m, g or % suffix`;
    case 'mpol': {
      // mpol=MODE[=static|=relative][:NODELIST]
      const policy = value.split(/[=:]/)[0];
      return MPOL_POLICIES.includes(policy)
        ? undefined
        : `mpol policy must be one of ${MPOL_POLICIES.join(', ')}`;
    }
    default:
      return undefined;
  }
}

export const tmpfsOptionBadValue: Rule = {
  id: 'tmpfs-option-bad-value',
  severity: 'error',
  category: 'validity',
  description:
    'A key=value mount option has a malformed value, or a flag option was given a value.',
  check: ({ td }) =>
    td.containers.flatMap(container =>
      tmpfsEntries(container).flatMap(e =>
        mountOptionEntries(e).flatMap(o => {
          if (o.value === undefined || o.key === 'size') return [];
          let why: string | undefined;
          if (VALUE_MOUNT_OPTIONS.includes(o.key))
            why = problem(o.key, o.value);
          else if (ECS_TMPFS_MOUNT_OPTIONS.includes(o.key)) {
            why = `${o.key} is a flag and takes no value`;
          }
          if (!why) return [];
          return [
            containerFinding(
              container,
              o.path,
              `mount option ${quote(o.option)} in container "${
                container.name
              }" has a bad value: ${why}`,
              VALUE_MOUNT_OPTIONS.includes(o.key)
                ? `Correct the value of ${o.key}.`
                : `Write it as ${quote(o.key)}.`,
            ),
          ];
        }),
      ),
    ),
};
