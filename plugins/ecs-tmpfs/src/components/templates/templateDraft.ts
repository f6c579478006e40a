import type {
  TmpfsTemplate,
  TmpfsTemplateInput,
} from '@internal/plugin-ecs-tmpfs-common';

/** The form's text state; sizes and lists stay strings until sent so typing is never lost. */
export interface MountDraft {
  containerPath: string;
  size: string;
  mountOptions: string;
}

export interface TemplateDraft {
  name: string;
  title: string;
  description: string;
  owner: string;
  tags: string;
  readonlyRootFilesystem: boolean;
  mounts: MountDraft[];
}

export const EMPTY_MOUNT: MountDraft = {
  containerPath: '',
  size: '',
  mountOptions: 'noexec, nosuid, nodev',
};

export function emptyDraft(owner = ''): TemplateDraft {
  return {
    name: '',
    title: '',
    description: '',
    owner,
    tags: '',
    readonlyRootFilesystem: true,
    mounts: [{ ...EMPTY_MOUNT }],
  };
}

export function draftOf(template: TmpfsTemplate): TemplateDraft {
  return {
    name: template.name,
    title: template.title,
    description: template.description ?? '',
    owner: template.owner,
    tags: (template.tags ?? []).join(', '),
    readonlyRootFilesystem: template.readonlyRootFilesystem ?? false,
    mounts: template.mounts.map(m => ({
      containerPath: m.containerPath,
      size: String(m.size),
      mountOptions: (m.mountOptions ?? []).join(', '),
    })),
  };
}

function splitList(text: string): string[] {
  return text
    .split(',')
    .map(s => s.trim())
    .filter(Boolean);
}

/**
 * The body the backend validates. A size that is not a number is sent as written (NaN would
 * become null), so the backend's own finding names the bad value.
 */
export function inputOf(draft: TemplateDraft): TmpfsTemplateInput {
  return {
    name: draft.name.trim(),
    title: draft.title.trim(),
    ...(draft.description.trim() && { description: draft.description.trim() }),
    owner: draft.owner.trim(),
    mounts: draft.mounts.map(m => {
      const trimmed = m.size.trim();
      const size =
        trimmed !== '' && !Number.isNaN(Number(trimmed))
          ? Number(trimmed)
          : (trimmed as unknown as number);
      return {
        containerPath: m.containerPath.trim(),
        size,
        mountOptions: splitList(m.mountOptions),
      };
    }),
    readonlyRootFilesystem: draft.readonlyRootFilesystem,
    tags: splitList(draft.tags),
  };
}
