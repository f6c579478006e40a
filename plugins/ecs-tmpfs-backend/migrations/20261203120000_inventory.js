// @ts-check

/**
 * ECS inventory: immutable task-definition revisions, services with their precomputed headroom
 * and finding summary (so the fleet view is one indexed query), service tags for annotation
 * matching, compact memory series, and the sync-run history.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('ecs_tmpfs_task_definitions', table => {
    table.comment(
      'Described ECS task-definition revisions, redacted; immutable',
    );
    table.string('task_definition_arn', 512).primary();
    table.string('account_id', 12).notNullable();
    table.string('region', 32).notNullable();
    table.string('family', 255).notNullable();
    table.integer('revision').notNullable();
    table
      .text('body', 'longtext')
      .notNullable()
      .comment('redacted JSON with tags');
    table.timestamp('described_at', { useTz: true }).notNullable();
  });

  await knex.schema.createTable('ecs_tmpfs_services', table => {
    table.comment(
      'ECS services with the headroom and findings of their task definition',
    );
    table.string('service_arn', 512).primary();
    table.string('account_id', 12).notNullable();
    table.string('region', 32).notNullable();
    table.string('cluster_name', 255).notNullable();
    table.string('service_name', 255).notNullable();
    table.string('launch_type', 32).notNullable();
    table.integer('desired_count').nullable();
    table.integer('running_count').nullable();
    table.text('tags').notNullable().comment('JSON [{key,value}]');
    table.string('task_definition_arn', 512).notNullable();
    table.string('status', 16).notNullable().comment('headroom status');
    table
      .integer('status_rank')
      .notNullable()
      .comment('exhausted 0, low 1, unknown 2, ok 3');
    table.float('limit_mib').nullable();
    table.string('limit_source', 32).notNullable();
    table.float('observed_peak_mib').nullable();
    table.float('tmpfs_total_mib').notNullable();
    table.float('headroom_mib').nullable();
    table.float('headroom_ratio').nullable();
    table.integer('findings_error').notNullable();
    table.integer('findings_warning').notNullable();
    table.integer('findings_info').notNullable();
    table
      .integer('findings_score')
      .notNullable()
      .comment('errors weigh most, for sorting');
    table.string('worst_rule_id', 128).nullable();
    table
      .text('analysis', 'longtext')
      .notNullable()
      .comment('JSON {findings, headroom}');
    table.string('owner', 255).nullable();
    table.string('owner_source', 16).nullable();
    table.string('entity_ref', 255).nullable();
    table.timestamp('last_synced_at', { useTz: true }).notNullable();
    table.timestamp('stale_since', { useTz: true }).nullable();
    table.text('stale_error').nullable();
    table.timestamp('gone_since', { useTz: true }).nullable();
    table.index(['account_id', 'region'], 'ecs_tmpfs_services_target_idx');
    table.index(
      ['gone_since', 'status_rank', 'headroom_ratio'],
      'ecs_tmpfs_services_status_idx',
    );
    table.index(['owner'], 'ecs_tmpfs_services_owner_idx');
    table.index(['service_name'], 'ecs_tmpfs_services_name_idx');
  });

  await knex.schema.createTable('ecs_tmpfs_service_tags', table => {
    table.comment(
      'Service tags, for aws.amazon.com/amazon-ecs-service-tags matching',
    );
    table
      .string('service_arn', 512)
      .notNullable()
      .references('service_arn')
      .inTable('ecs_tmpfs_services')
      .onDelete('CASCADE');
    table.string('key', 128).notNullable();
    table.string('value', 256).notNullable();
    table.primary(['service_arn', 'key']);
    table.index(['key', 'value'], 'ecs_tmpfs_service_tags_kv_idx');
  });

  await knex.schema.createTable('ecs_tmpfs_service_metrics', table => {
    table.comment(
      'Memory series of a service over the metrics window, downsampled',
    );
    table
      .string('service_arn', 512)
      .primary()
      .references('service_arn')
      .inTable('ecs_tmpfs_services')
      .onDelete('CASCADE');
    table.string('source', 32).notNullable();
    table
      .integer('period_seconds')
      .notNullable()
      .comment('of the stored points');
    table.timestamp('window_start', { useTz: true }).notNullable();
    table.timestamp('window_end', { useTz: true }).notNullable();
    table
      .text('points', 'longtext')
      .notNullable()
      .comment('JSON [[epochSeconds, usedMiB|null, percent|null]]');
    table.timestamp('fetched_at', { useTz: true }).notNullable();
  });

  await knex.schema.createTable('ecs_tmpfs_sync_runs', table => {
    table.comment('History of ECS/CloudWatch sync runs per account and Region');
    table.string('id', 36).primary();
    table.string('account_id', 12).notNullable();
    table.string('region', 32).notNullable();
    table.string('trigger', 16).notNullable();
    table.string('status', 16).notNullable();
    table.timestamp('started_at', { useTz: true }).notNullable();
    table.timestamp('finished_at', { useTz: true }).nullable();
    table.text('api_calls').notNullable().comment('JSON {operation: count}');
    table.text('api_retries').notNullable().comment('JSON {operation: count}');
    table.integer('services').notNullable();
    table.integer('new_revisions').notNullable();
    table.integer('gone_services').notNullable();
    table.text('errors').notNullable().comment('JSON string[]');
    table.text('progress').nullable().comment('JSON {phase, done, total}');
    table.index(['started_at'], 'ecs_tmpfs_sync_runs_started_idx');
    table.index(
      ['account_id', 'region', 'started_at'],
      'ecs_tmpfs_sync_runs_target_idx',
    );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('ecs_tmpfs_sync_runs');
  await knex.schema.dropTable('ecs_tmpfs_service_metrics');
  await knex.schema.dropTable('ecs_tmpfs_service_tags');
  await knex.schema.dropTable('ecs_tmpfs_services');
  await knex.schema.dropTable('ecs_tmpfs_task_definitions');
};
