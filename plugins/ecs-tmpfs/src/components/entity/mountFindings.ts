import type { Finding } from '@internal/plugin-ecs-tmpfs-common';

/** The findings about one container's tmpfs mounts, by mount index and option index. */
export interface MountFindingIndex {
  /** findings about the mount as a whole (e.g. conflicting options, insecure secret mount) */
  byMount: Map<number, Finding[]>;
  /** findings naming one option: key `${mount}:${option}` */
  byOption: Map<string, Finding[]>;
}

const TMPFS_PATH =
  /linuxParameters\.tmpfs\[(\d+)\](?:\.mountOptions\[(\d+)\])?/;

function push<K>(map: Map<K, Finding[]>, key: K, finding: Finding) {
  map.set(key, [...(map.get(key) ?? []), finding]);
}

/** Reads the findings' JSON paths so the table can highlight the options they name. */
export function indexMountFindings(
  findings: Finding[],
  container: string,
): MountFindingIndex {
  const index: MountFindingIndex = { byMount: new Map(), byOption: new Map() };
  for (const finding of findings) {
    if (finding.container !== undefined && finding.container !== container) {
      continue;
    }
    const match = TMPFS_PATH.exec(finding.path);
    if (!match) continue;
    const mount = Number(match[1]);
    if (match[2] !== undefined) {
      push(index.byOption, `${mount}:${Number(match[2])}`, finding);
    } else {
      push(index.byMount, mount, finding);
    }
  }
  return index;
}
