import type { TmpfsTemplate } from '@internal/plugin-ecs-tmpfs-common';

/** Filters and paging of `GET /templates`. */
export interface TemplateListQuery {
  owner?: string;
  tag?: string;
  offset: number;
  limit: number;
}

/** Who made a change: a user entity ref, or a service principal's subject. */
export type Actor = string;

/** A template as the database holds it (always `source: 'database'`). */
export type StoredTemplate = TmpfsTemplate & { source: 'database' };
