import { mountOptionEntries, tmpfsEntries } from '../../model/containers';
import { describeValue } from '../../model/json';
import { ECS_TMPFS_MOUNT_OPTIONS } from '../../model/mounts';
import { containerFinding, quote } from '../helpers';
import type { RuleFinding } from '../helpers';
import type { Rule } from '../types';

export const tmpfsOptionUnknown: Rule = {
  id: 'tmpfs-option-unknown',
  severity: 'error',
  category: 'validity',
  description:
    'A tmpfs mount option is not one ECS accepts (this includes size=, which ECS sets itself).',
  check: ({ td }) =>
    td.containers.flatMap(container =>
      tmpfsEntries(container).flatMap(e => {
        const findings: RuleFinding[] = [];
        const raw = e.mount.mountOptions;
        if (raw !== undefined && raw !== null && !Array.isArray(raw)) {
          findings.push(
            containerFinding(
              container,
              `${e.path}.mountOptions`,
              `mountOptions ${describeValue(raw)} in container "${
                container.name
              }" is not a list of options`,
              typeof raw === 'string'
                ? `Write it as a list: ${JSON.stringify(
                    raw.split(',').map(o => o.trim()),
                  )}.`
                : 'Write mountOptions as a list of strings, e.g. ["noexec", "nosuid", "nodev"].',
            ),
          );
          return findings;
        }
        (Array.isArray(raw) ? raw : []).forEach((option, index) => {
          if (typeof option !== 'string') {
            findings.push(
              containerFinding(
                container,
                `${e.path}.mountOptions[${index}]`,
                `mount option ${describeValue(option)} in container "${
                  container.name
                }" is not a string`,
                'Write each mount option as a string such as "noexec" or "mode=0700".',
              ),
            );
          }
        });
        for (const o of mountOptionEntries(e)) {
          if (o.key === 'size') {
            findings.push(
              containerFinding(
                container,
                o.path,
                `mount option ${quote(o.option)} in container "${
                  container.name
                }" is not allowed: ECS sets the size from the size field`,
                `Remove ${quote(
                  o.option,
                )} and set size (MiB) on the mount instead.`,
              ),
            );
          } else if (!ECS_TMPFS_MOUNT_OPTIONS.includes(o.key)) {
            findings.push(
              containerFinding(
                container,
                o.path,
                `mount option ${quote(o.option)} in container "${
                  container.name
                }" is not a tmpfs option ECS accepts`,
                `Remove ${quote(
                  o.option,
                )} or use one of: ${ECS_TMPFS_MOUNT_OPTIONS.join(' ')}.`,
              ),
            );
          }
        }
        return findings;
      }),
    ),
};
