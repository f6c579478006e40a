import { tmpfsEntries } from '../../model/containers';
import {
  SECURE_MOUNT_OPTIONS,
  isSecretPath,
  mountOptionValue,
  parseOctalMode,
} from '../../model/mounts';
import { containerFinding, quote } from '../helpers';
import type { Rule } from '../types';

/** Group and other permission bits: a secrets directory must have none. */
const GROUP_OTHER_BITS = 0o077;

export const secretMountInsecure: Rule = {
  id: 'secret-mount-insecure',
  severity: 'warning',
  category: 'security',
  description:
    'A mount at a secrets-looking path lacks noexec, nosuid, nodev or a mode of 0700 or stricter.',
  check: ({ td }) =>
    td.containers.flatMap(c =>
      tmpfsEntries(c).flatMap(e => {
        if (!e.containerPath || !isSecretPath(e.containerPath)) return [];
        // Docker's implicit defaults are not guaranteed on every runtime: they must be written.
        const missing = SECURE_MOUNT_OPTIONS.filter(o => {
          const last = [...e.options]
            .reverse()
            .find(x => x === o || x === o.replace(/^no/, ''));
          return last !== o;
        });
        const mode = parseOctalMode(mountOptionValue(e.options, 'mode'));
        if (mode === undefined || (mode & GROUP_OTHER_BITS) !== 0) {
          missing.push('mode=0700');
        }
        if (missing.length === 0) return [];
        return [
          containerFinding(
            c,
            e.mount.mountOptions === undefined
              ? e.path
              : `${e.path}.mountOptions`,
            `secrets mount ${quote(
              String(e.mount.containerPath),
            )} in container "${c.name}" lacks ${missing.join(', ')}`,
            `Add ${missing.map(m => quote(m)).join(', ')} to its mountOptions.`,
          ),
        ];
      }),
    ),
};
