import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import {
  parseEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { InventoryStore, OwnerAssignment } from '../store/InventoryStore';
import {
  ECS_SERVICE_ARN_ANNOTATION,
  ECS_SERVICE_TAGS_ANNOTATION,
  readEcsAnnotations,
  tagsMatch,
  type EcsAnnotations,
} from './annotations';

/** The tag a service's team is read from when no catalog entity maps it. */
export const TEAM_TAG = 'team';

function ownerOf(entity: Entity): string | undefined {
  const owner = (entity.spec as { owner?: unknown } | undefined)?.owner;
  if (typeof owner !== 'string' || !owner) return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    );
  } catch {
    return undefined;
  }
}

function teamTagOwner(tags: { key: string; value: string }[]) {
  const team = tags.find(t => t.key === TEAM_TAG)?.value.trim();
  if (!team) return undefined;
  return team.includes(':') ? team : `group:default/${team.toLowerCase()}`;
}

/**
 * Stores which catalog entity maps each service and who owns it: the mapping entity's owner,
 * else the `team` tag. Reads the catalog as the plugin itself, since the fleet is plugin data.
 */
export async function refreshOwners(deps: {
  store: InventoryStore;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
}): Promise<{ changed: number; entities: number }> {
  const { store, catalog, auth, logger } = deps;
  const credentials = await auth.getOwnServiceCredentials();
  const { items } = await catalog.getEntities(
    {
      filter: [
        {
          [`metadata.annotations.${ECS_SERVICE_ARN_ANNOTATION}`]:
            CATALOG_FILTER_EXISTS,
        },
        {
          [`metadata.annotations.${ECS_SERVICE_TAGS_ANNOTATION}`]:
            CATALOG_FILTER_EXISTS,
        },
      ],
      fields: [
        'kind',
        'metadata.namespace',
        'metadata.name',
        'metadata.annotations',
        'spec.owner',
      ],
    },
    { credentials },
  );

  const mapped: { ref: string; owner?: string; ann: EcsAnnotations }[] = [];
  for (const entity of items) {
    try {
      mapped.push({
        ref: stringifyEntityRef(entity),
        owner: ownerOf(entity),
        ann: readEcsAnnotations(entity),
      });
    } catch (error) {
      logger.warn(
        `Ignoring ECS annotations of ${stringifyEntityRef(entity)}: ${error}`,
      );
    }
  }
  // The first entity by ref wins when several map one service, so the choice is stable.
  mapped.sort((a, b) => a.ref.localeCompare(b.ref));
  const byArn = new Map<string, (typeof mapped)[number]>();
  for (const m of mapped) {
    for (const arn of m.ann.serviceArns ?? []) {
      if (!byArn.has(arn)) byArn.set(arn, m);
    }
  }
  const byTags = mapped.filter(m => m.ann.serviceTags);

  const changes: OwnerAssignment[] = [];
  for (const service of await store.servicesForMapping()) {
    const entity =
      byArn.get(service.serviceArn) ??
      byTags.find(m => tagsMatch(m.ann.serviceTags!, service.tags));
    let next: OwnerAssignment;
    if (entity?.owner) {
      next = {
        serviceArn: service.serviceArn,
        owner: entity.owner,
        ownerSource: 'catalog',
        entityRef: entity.ref,
      };
    } else {
      const tagOwner = teamTagOwner(service.tags);
      next = {
        serviceArn: service.serviceArn,
        owner: tagOwner ?? null,
        ownerSource: tagOwner ? 'tag' : null,
        entityRef: entity?.ref ?? null,
      };
    }
    if (
      next.owner !== service.owner ||
      next.ownerSource !== service.ownerSource ||
      next.entityRef !== service.entityRef
    ) {
      changes.push(next);
    }
  }
  await store.assignOwners(changes);
  return { changed: changes.length, entities: mapped.length };
}
