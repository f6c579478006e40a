import { tmpfsEntries } from '../../model/containers';
import {
  isWritableMount,
  mountOptionValue,
  parseOctalMode,
} from '../../model/mounts';
import { containerFinding, quote } from '../helpers';
import type { Rule } from '../types';

const OTHER_WRITE = 0o002;
const GROUP_WRITE = 0o020;

/** `"1000:1000"` → uid and gid parts; names stay names. Root is uid 0 or `root`. */
function parseUser(user: string): { uid: string; gid?: string } {
  const [uid, gid] = user.split(':');
  return { uid: uid.trim(), gid: gid?.trim() };
}

function isRoot(uid: string): boolean {
  return uid === '' || uid === '0' || uid === 'root';
}

export const tmpfsNotWritableByUser: Rule = {
  id: 'tmpfs-not-writable-by-user',
  severity: 'info',
  category: 'security',
  description:
    'A non-root container has a writable tmpfs whose mode/uid does not let that user write.',
  check: ({ td }) =>
    td.containers.flatMap(c => {
      if (!c.user) return [];
      const user = parseUser(c.user);
      if (isRoot(user.uid)) return [];
      return tmpfsEntries(c).flatMap(e => {
        if (!isWritableMount(e.options)) return [];
        const mode = parseOctalMode(mountOptionValue(e.options, 'mode'));
        const uid = mountOptionValue(e.options, 'uid');
        const gid = mountOptionValue(e.options, 'gid');
        const numericUser = /^\d+$/.test(user.uid);
        const ownedByUser =
          uid !== undefined && (!numericUser || uid === user.uid);
        const groupWritable =
          gid !== undefined &&
          gid === user.gid &&
          mode !== undefined &&
          (mode & GROUP_WRITE) !== 0;
        const worldWritable = mode !== undefined && (mode & OTHER_WRITE) !== 0;
        if (ownedByUser || groupWritable || worldWritable) return [];
        return [
          containerFinding(
            c,
            e.mount.mountOptions === undefined
              ? e.path
              : `${e.path}.mountOptions`,
            `tmpfs ${quote(String(e.mount.containerPath))} in container "${
              c.name
            }" sets no mode or uid that lets user ${quote(
              c.user as string,
            )} write`,
            numericUser
              ? `Add "uid=${user.uid}" (with "mode=0700"), or "mode=1777" for a shared temp dir.`
              : 'Add "uid=<the user\'s uid>" (with "mode=0700"), or "mode=1777" for a shared temp dir.',
          ),
        ];
      });
    }),
};
