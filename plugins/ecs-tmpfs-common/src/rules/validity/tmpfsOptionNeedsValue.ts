import { mountOptionEntries, tmpfsEntries } from '../../model/containers';
import { VALUE_MOUNT_OPTIONS } from '../../model/mounts';
import { containerFinding, quote } from '../helpers';
import type { Rule } from '../types';

const EXAMPLES: Record<string, string> = {
  mode: 'mode=0700',
  uid: 'uid=1000',
  gid: 'gid=1000',
  nr_inodes: 'nr_inodes=10k',
  nr_blocks: 'nr_blocks=1k',
  mpol: 'mpol=default',
};

export const tmpfsOptionNeedsValue: Rule = {
  id: 'tmpfs-option-needs-value',
  severity: 'error',
  category: 'validity',
  description:
    'mode, uid, gid, nr_inodes, nr_blocks and mpol only work as key=value; Docker rejects them bare.',
  check: ({ td }) =>
    td.containers.flatMap(container =>
      tmpfsEntries(container).flatMap(e =>
        mountOptionEntries(e)
          .filter(
            o => o.value === undefined && VALUE_MOUNT_OPTIONS.includes(o.key),
          )
          .map(o =>
            containerFinding(
              container,
              o.path,
              `mount option ${quote(o.option)} in container "${
                container.name
              }" needs a value (Docker rejects a bare ${o.key})`,
              `Write it as key=value, e.g. ${quote(EXAMPLES[o.key])}.`,
            ),
          ),
      ),
    ),
};
