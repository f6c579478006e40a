import type { TmpfsTemplate } from '@internal/plugin-ecs-tmpfs-common';
import type { EcsTmpfsApi, TemplatesQuery } from './EcsTmpfsApi';

/** The largest `limit` `GET /templates` accepts. */
export const TEMPLATES_PAGE_LIMIT = 200;

/**
 * Every template matching the filters, read page by page: the backend caps `limit`, and a
 * curated list that outgrows one page must still be shown whole.
 */
export async function listAllTemplates(
  api: Pick<EcsTmpfsApi, 'listTemplates'>,
  filters: Omit<TemplatesQuery, 'offset' | 'limit'> = {},
): Promise<TmpfsTemplate[]> {
  const templates: TmpfsTemplate[] = [];
  for (;;) {
    const page = await api.listTemplates({
      ...filters,
      offset: templates.length,
      limit: TEMPLATES_PAGE_LIMIT,
    });
    templates.push(...page.items);
    // an empty page ends the loop even if the total shrank while paging
    if (page.items.length === 0 || templates.length >= page.totalCount) {
      return templates;
    }
  }
}
