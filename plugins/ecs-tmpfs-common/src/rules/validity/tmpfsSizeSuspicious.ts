import { tmpfsEntries } from '../../model/containers';
import { containerFinding } from '../helpers';
import type { Rule } from '../types';

/** 1 TiB in MiB: no task has that much memory, so the number was meant in a smaller unit. */
export const SUSPICIOUS_TMPFS_SIZE_MIB = 1024 * 1024;

function likelyMiB(size: number): { mib: number; unit: string } {
  // Bytes when the number is a whole number of MiB in bytes, else KiB.
  if (size % (1024 * 1024) === 0 || size >= 1024 * 1024 * 1024) {
    return { mib: Math.max(1, Math.ceil(size / (1024 * 1024))), unit: 'bytes' };
  }
  return { mib: Math.max(1, Math.ceil(size / 1024)), unit: 'KiB' };
}

export const tmpfsSizeSuspicious: Rule = {
  id: 'tmpfs-size-suspicious',
  severity: 'warning',
  category: 'validity',
  description:
    'A tmpfs size of 1 TiB or more (in MiB) was probably meant as bytes or KiB.',
  check: ({ td }) =>
    td.containers.flatMap(container =>
      tmpfsEntries(container)
        .filter(
          e =>
            e.sizeMiB !== undefined && e.sizeMiB >= SUSPICIOUS_TMPFS_SIZE_MIB,
        )
        .map(e => {
          const size = e.sizeMiB as number;
          const guess = likelyMiB(size);
          return containerFinding(
            container,
            `${e.path}.size`,
            `tmpfs size ${size} in container "${container.name}" means ${
              Math.round((size / (1024 * 1024)) * 10) / 10
            } TiB; it looks like ${guess.unit}`,
            `size is in MiB: if ${size} was ${guess.unit}, write ${guess.mib}.`,
          );
        }),
    ),
};
