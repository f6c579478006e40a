/*
 * tmpfs templates created through the API. Built-in and app-config templates are not stored:
 * they live in code and config and are merged in when listing.
 */

// @ts-check

/**
 * @param { import("knex").Knex } knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('ecs_tmpfs_templates', table => {
    table.comment('tmpfs templates created through the API');
    table.string('name', 63).primary().notNullable();
    table.text('title').notNullable();
    table.text('description').notNullable().defaultTo('');
    table.string('owner', 255).notNullable().comment('catalog group ref');
    table.text('mounts').notNullable().comment('JSON array of TmpfsMountSpec');
    table.boolean('readonly_root_filesystem').notNullable().defaultTo(false);
    table.text('created_by').notNullable();
    table.string('created_at', 32).notNullable().comment('ISO timestamp');
    table.text('updated_by').notNullable();
    table.string('updated_at', 32).notNullable().comment('ISO timestamp');
    table
      .integer('version')
      .notNullable()
      .defaultTo(1)
      .comment('optimistic concurrency: bumped by every update');
    table.index(['owner'], 'ecs_tmpfs_templates_owner_idx');
  });

  // One row per tag, so that `GET /templates?tag=` is an indexed lookup on both databases.
  await knex.schema.createTable('ecs_tmpfs_template_tags', table => {
    table.comment('tags of the templates in the templates table');
    table
      .string('template_name', 63)
      .notNullable()
      .references('name')
      .inTable('ecs_tmpfs_templates')
      .onDelete('CASCADE');
    table.string('tag', 63).notNullable();
    table.integer('position').notNullable().comment('keeps the order written');
    table.primary(['template_name', 'tag']);
    table.index(['tag'], 'ecs_tmpfs_template_tags_tag_idx');
  });
};

/**
 * @param { import("knex").Knex } knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('ecs_tmpfs_template_tags');
  await knex.schema.dropTable('ecs_tmpfs_templates');
};
