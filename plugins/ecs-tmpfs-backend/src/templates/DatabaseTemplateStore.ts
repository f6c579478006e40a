import { ConflictError, NotFoundError } from '@backstage/errors';
import type {
  TmpfsMountSpec,
  TmpfsTemplateInput,
  TmpfsTemplateUpdate,
} from '@internal/plugin-ecs-tmpfs-common';
import type { Knex } from 'knex';
import type { Actor, StoredTemplate, TemplateListQuery } from './types';

const TEMPLATES = 'ecs_tmpfs_templates';
const TAGS = 'ecs_tmpfs_template_tags';

interface TemplateRow {
  name: string;
  title: string;
  description: string;
  owner: string;
  mounts: string;
  readonly_root_filesystem: boolean | number;
  created_by: string;
  created_at: string;
  updated_by: string;
  updated_at: string;
  version: number | string;
}

interface TagRow {
  template_name: string;
  tag: string;
  position: number;
}

/**
 * The templates created through the API, in the plugin's database (SQLite or PostgreSQL).
 * Inputs are validated before they reach this class; it only keeps them consistent
 * (unique names, optimistic concurrency via `version`).
 */
export class DatabaseTemplateStore {
  constructor(
    private readonly db: Knex,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(
    query: TemplateListQuery,
  ): Promise<{ items: StoredTemplate[]; totalCount: number }> {
    const filtered = () => {
      const q = this.db<TemplateRow>(TEMPLATES);
      if (query.owner !== undefined) {
        q.where('owner', query.owner);
      }
      if (query.tag !== undefined) {
        const tag = query.tag;
        q.whereExists(sub =>
          sub
            .select(this.db.raw('1'))
            .from(TAGS)
            .whereRaw('??.?? = ??.??', [
              TAGS,
              'template_name',
              TEMPLATES,
              'name',
            ])
            .andWhere(`${TAGS}.tag`, tag),
        );
      }
      return q;
    };

    const [countRow] = await filtered().count({ count: '*' });
    const totalCount = Number(countRow?.count ?? 0);
    if (query.limit === 0 || query.offset >= totalCount) {
      return { items: [], totalCount };
    }
    const rows: TemplateRow[] = await filtered()
      .select('*')
      .orderBy('name', 'asc')
      .offset(query.offset)
      .limit(query.limit);
    return { items: await this.withTags(rows), totalCount };
  }

  async get(name: string): Promise<StoredTemplate | undefined> {
    const row = await this.db<TemplateRow>(TEMPLATES).where({ name }).first();
    if (!row) {
      return undefined;
    }
    const [template] = await this.withTags([row]);
    return template;
  }

  async create(
    input: TmpfsTemplateInput,
    actor: Actor,
  ): Promise<StoredTemplate> {
    const at = this.now().toISOString();
    try {
      await this.db.transaction(async tx => {
        const existing = await tx(TEMPLATES)
          .where({ name: input.name })
          .first('name');
        if (existing) {
          throw templateExists(input.name);
        }
        await tx(TEMPLATES).insert({
          name: input.name,
          ...editableColumns(input),
          created_by: actor,
          created_at: at,
          updated_by: actor,
          updated_at: at,
          version: 1,
        });
        await insertTags(tx, input.name, input.tags ?? []);
      });
    } catch (error) {
      // Two creates of one name can race past the existence check; the primary key decides.
      if (isUniqueViolation(error)) {
        throw templateExists(input.name);
      }
      throw error;
    }
    return (await this.get(input.name))!;
  }

  /** Applies `update` if `update.version` is still the stored version. */
  async update(
    name: string,
    update: TmpfsTemplateUpdate,
    actor: Actor,
  ): Promise<StoredTemplate> {
    await this.db.transaction(async tx => {
      const changed = await tx(TEMPLATES)
        .where({ name, version: update.version })
        .update({
          ...editableColumns(update),
          updated_by: actor,
          updated_at: this.now().toISOString(),
          version: update.version + 1,
        });
      if (changed === 0) {
        const current = await tx<TemplateRow>(TEMPLATES)
          .where({ name })
          .first('version');
        if (!current) {
          throw new NotFoundError(`No template named '${name}'`);
        }
        throw new ConflictError(
          `Template '${name}' was changed since you read it: version ${
            update.version
          } was sent, the current version is ${Number(
            current.version,
          )}. Read it again and reapply your change.`,
        );
      }
      await tx(TAGS).where({ template_name: name }).delete();
      await insertTags(tx, name, update.tags ?? []);
    });
    return (await this.get(name))!;
  }

  /** @returns false when there was no such template */
  async delete(name: string): Promise<boolean> {
    return this.db.transaction(async tx => {
      // Tags are deleted explicitly: SQLite does not enforce the cascade unless told to.
      await tx(TAGS).where({ template_name: name }).delete();
      const deleted = await tx(TEMPLATES).where({ name }).delete();
      return deleted > 0;
    });
  }

  private async withTags(rows: TemplateRow[]): Promise<StoredTemplate[]> {
    if (rows.length === 0) {
      return [];
    }
    const tagRows: TagRow[] = await this.db<TagRow>(TAGS)
      .whereIn(
        'template_name',
        rows.map(r => r.name),
      )
      .orderBy([
        { column: 'template_name', order: 'asc' },
        { column: 'position', order: 'asc' },
      ]);
    const tagsByName = new Map<string, string[]>();
    for (const t of tagRows) {
      const tags = tagsByName.get(t.template_name) ?? [];
      tags.push(t.tag);
      tagsByName.set(t.template_name, tags);
    }
    return rows.map(row => toTemplate(row, tagsByName.get(row.name) ?? []));
  }
}

function editableColumns(input: Omit<TmpfsTemplateInput, 'name'>) {
  return {
    title: input.title,
    description: input.description ?? '',
    owner: input.owner,
    mounts: JSON.stringify(input.mounts),
    readonly_root_filesystem: input.readonlyRootFilesystem ?? false,
  };
}

async function insertTags(tx: Knex.Transaction, name: string, tags: string[]) {
  const unique = [...new Set(tags)];
  if (unique.length > 0) {
    await tx(TAGS).insert(
      unique.map((tag, position) => ({ template_name: name, tag, position })),
    );
  }
}

function toTemplate(row: TemplateRow, tags: string[]): StoredTemplate {
  return {
    name: row.name,
    title: row.title,
    description: row.description,
    owner: row.owner,
    mounts: JSON.parse(row.mounts) as TmpfsMountSpec[],
    readonlyRootFilesystem: Boolean(row.readonly_root_filesystem),
    tags,
    source: 'database',
    readOnly: false,
    version: Number(row.version),
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}

function templateExists(name: string) {
  return new ConflictError(`A template named '${name}' already exists`);
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string } | undefined;
  // PostgreSQL unique_violation; better-sqlite3 primary key / unique constraint codes
  return (
    e?.code === '23505' ||
    e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    e?.code === 'SQLITE_CONSTRAINT_UNIQUE'
  );
}
