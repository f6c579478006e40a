import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import type {
  Page,
  TemplateSource,
  TmpfsTemplate,
  TmpfsTemplateInput,
  TmpfsTemplateUpdate,
} from '@internal/plugin-ecs-tmpfs-common';
import { BUILTIN_TEMPLATES } from './builtinTemplates';
import type { DatabaseTemplateStore } from './DatabaseTemplateStore';
import type { Actor, TemplateListQuery } from './types';
import { checkTemplate } from './validateTemplate';

/**
 * Every template the API serves: the built-in ones, those declared in app-config
 * (`ecsTmpfs.templates`), both read-only, then those created through the API.
 * Listing order is built-in, config, database; by name within each.
 */
export class TemplateCatalogue {
  private readonly fixed: TmpfsTemplate[];
  private readonly fixedByName: Map<string, TmpfsTemplate>;

  static fromConfig(options: {
    config: Config;
    store: DatabaseTemplateStore;
    logger: LoggerService;
  }): TemplateCatalogue {
    const configTemplates = (
      options.config.getOptionalConfigArray('ecsTmpfs.templates') ?? []
    ).map((c, i) => checkTemplate(c.get(), `ecsTmpfs.templates[${i}].`));
    return new TemplateCatalogue(
      BUILTIN_TEMPLATES.map(t => checkTemplate(t, `builtin ${t.name}: `)),
      configTemplates,
      options.store,
      options.logger,
    );
  }

  constructor(
    builtin: TmpfsTemplateInput[],
    fromConfig: TmpfsTemplateInput[],
    private readonly store: DatabaseTemplateStore,
    private readonly logger: LoggerService,
  ) {
    this.fixed = [
      ...byName(builtin).map(t => fixedTemplate(t, 'builtin')),
      ...byName(fromConfig).map(t => fixedTemplate(t, 'config')),
    ];
    this.fixedByName = new Map();
    for (const t of this.fixed) {
      const clash = this.fixedByName.get(t.name);
      if (clash) {
        throw new InputError(
          `ecsTmpfs.templates: the name '${t.name}' is already used by a ${clash.source} template`,
        );
      }
      this.fixedByName.set(t.name, t);
    }
  }

  /** Warns about stored templates hidden by a built-in or config template of the same name. */
  async reportShadowedTemplates(): Promise<void> {
    for (const t of this.fixed) {
      if (await this.store.get(t.name)) {
        this.logger.warn(
          `The stored template '${t.name}' is hidden by the ${t.source} template of the same name`,
        );
      }
    }
  }

  async list(query: TemplateListQuery): Promise<Page<TmpfsTemplate>> {
    const fixedMatches = this.fixed.filter(
      t =>
        (query.owner === undefined || t.owner === query.owner) &&
        (query.tag === undefined || t.tags.includes(query.tag)),
    );
    const fixedPage = fixedMatches.slice(
      query.offset,
      query.offset + query.limit,
    );
    const stored = await this.store.list({
      owner: query.owner,
      tag: query.tag,
      offset: Math.max(0, query.offset - fixedMatches.length),
      limit: query.limit - fixedPage.length,
    });
    const shadowed = (t: TmpfsTemplate) => this.fixedByName.has(t.name);
    return {
      items: [...fixedPage, ...stored.items.filter(t => !shadowed(t))],
      totalCount: fixedMatches.length + stored.totalCount,
      offset: query.offset,
      limit: query.limit,
    };
  }

  async get(name: string): Promise<TmpfsTemplate> {
    const template = this.fixedByName.get(name) ?? (await this.store.get(name));
    if (!template) {
      throw new NotFoundError(`No template named '${name}'`);
    }
    return template;
  }

  async create(body: unknown, actor: Actor): Promise<TmpfsTemplate> {
    const input = checkTemplate(body);
    const fixed = this.fixedByName.get(input.name);
    if (fixed) {
      throw new ConflictError(
        `The name '${input.name}' belongs to a ${fixed.source} template; choose another name`,
      );
    }
    return this.store.create(input, actor);
  }

  async update(
    name: string,
    body: Record<string, unknown>,
    actor: Actor,
  ): Promise<TmpfsTemplate> {
    this.assertEditable(name, 'changed');
    const { version, ...rest } = body;
    if (typeof version !== 'number' || !Number.isInteger(version)) {
      throw new InputError(
        `version: must be the integer version you read, got ${JSON.stringify(
          version,
        )}`,
      );
    }
    const input = checkTemplate({ ...rest, name });
    const update: TmpfsTemplateUpdate = { ...input, version };
    return this.store.update(name, update, actor);
  }

  async delete(name: string): Promise<void> {
    this.assertEditable(name, 'deleted');
    if (!(await this.store.delete(name))) {
      throw new NotFoundError(`No template named '${name}'`);
    }
  }

  private assertEditable(name: string, what: 'changed' | 'deleted') {
    const fixed = this.fixedByName.get(name);
    if (fixed) {
      throw new NotAllowedError(
        fixed.source === 'builtin'
          ? `Template '${name}' is built in and cannot be ${what}`
          : `Template '${name}' is declared in app-config (ecsTmpfs.templates) and cannot be ${what} through the API`,
      );
    }
  }
}

function byName(templates: TmpfsTemplateInput[]) {
  return [...templates].sort((a, b) => a.name.localeCompare(b.name, 'en'));
}

function fixedTemplate(
  t: TmpfsTemplateInput,
  source: Exclude<TemplateSource, 'database'>,
): TmpfsTemplate {
  return {
    name: t.name,
    title: t.title,
    description: t.description ?? '',
    owner: t.owner,
    mounts: t.mounts,
    readonlyRootFilesystem: t.readonlyRootFilesystem ?? false,
    tags: t.tags ?? [],
    source,
    readOnly: true,
    version: 1,
  };
}
