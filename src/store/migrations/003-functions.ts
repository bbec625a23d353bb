import { sql, type Kysely, type Migration } from 'kysely';

/** Functions and their versions, tasks, workflows and runs, studies, warm runtimes, the result cache. */
export function functionsMigration(): Migration {
  return {
    // Kysely<any> is the documented type for migrations: they must not depend on today's schema.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('functions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('owner_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('latest_version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addColumn('deleted_at', 'bigint')
        .execute();
      // One live function per (owner, name): concurrent first registrations cannot both create one.
      await db.schema
        .createIndex('functions_owner_name_live_idx')
        .on('functions')
        .columns(['owner_id', 'name'])
        .unique()
        .where(sql.ref('deleted_at'), 'is', null)
        .execute();
      await db.schema.createIndex('functions_owner_updated_idx').on('functions').columns(['owner_id', 'updated_at']).execute();

      await db.schema
        .createTable('function_versions')
        .addColumn('function_id', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('runtime', 'text', (c) => c.notNull())
        .addColumn('entrypoint', 'text', (c) => c.notNull())
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('input_schema', 'text')
        .addColumn('timeout_seconds', 'integer')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('function_versions_pk', ['function_id', 'version'])
        .execute();

      await db.schema
        .createTable('tasks')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('owner_id', 'text', (c) => c.notNull())
        .addColumn('function_id', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('inputs', 'text', (c) => c.notNull())
        .addColumn('outputs', 'text')
        .addColumn('error_code', 'text')
        .addColumn('error_message', 'text')
        .addColumn('stdout', 'text', (c) => c.notNull())
        .addColumn('stderr', 'text', (c) => c.notNull())
        .addColumn('duration_ms', 'integer')
        .addColumn('cached', 'integer', (c) => c.notNull())
        .addColumn('workflow_run_id', 'text')
        .addColumn('step_id', 'text')
        .addColumn('study_id', 'text')
        .addColumn('study_index', 'integer')
        .addColumn('worker_id', 'text')
        .addColumn('heartbeat_at', 'bigint')
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('started_at', 'bigint')
        .addColumn('finished_at', 'bigint')
        .execute();
      await db.schema.createIndex('tasks_owner_created_idx').on('tasks').columns(['owner_id', 'created_at']).execute();
      await db.schema.createIndex('tasks_function_created_idx').on('tasks').columns(['function_id', 'created_at']).execute();
      await db.schema.createIndex('tasks_state_idx').on('tasks').column('state').execute();
      await db.schema.createIndex('tasks_study_idx').on('tasks').columns(['study_id', 'study_index']).execute();
      // NULLs are distinct in unique indexes on both dialects: only workflow steps are constrained.
      await db.schema.createIndex('tasks_run_step_idx').on('tasks').columns(['workflow_run_id', 'step_id']).unique().execute();

      await db.schema
        .createTable('workflows')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('owner_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('steps', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('workflows_owner_created_idx').on('workflows').columns(['owner_id', 'created_at']).execute();

      await db.schema
        .createTable('workflow_runs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workflow_id', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('inputs', 'text', (c) => c.notNull())
        .addColumn('study_id', 'text')
        .addColumn('study_index', 'integer')
        .addColumn('error_message', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('finished_at', 'bigint')
        .execute();
      await db.schema.createIndex('workflow_runs_state_idx').on('workflow_runs').column('state').execute();
      await db.schema.createIndex('workflow_runs_study_idx').on('workflow_runs').columns(['study_id', 'study_index']).execute();

      await db.schema
        .createTable('studies')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('owner_id', 'text', (c) => c.notNull())
        .addColumn('target_kind', 'text', (c) => c.notNull())
        .addColumn('target_id', 'text', (c) => c.notNull())
        .addColumn('mode', 'text', (c) => c.notNull())
        .addColumn('parameters', 'text', (c) => c.notNull())
        .addColumn('base_inputs', 'text', (c) => c.notNull())
        .addColumn('total_runs', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('function_runtimes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('worker_id', 'text', (c) => c.notNull())
        .addColumn('sandbox_id', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'text', (c) => c.notNull())
        .addColumn('function_id', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('heartbeat_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('function_runtimes_worker_idx').on('function_runtimes').column('worker_id').execute();

      await db.schema
        .createTable('function_result_cache')
        .addColumn('cache_key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('function_result_cache_expires_idx').on('function_result_cache').column('expires_at').execute();
    },

    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async down(db: Kysely<any>): Promise<void> {
      const tables = ['function_result_cache', 'function_runtimes', 'studies', 'workflow_runs', 'workflows', 'tasks', 'function_versions', 'functions'];
      for (const table of tables) await db.schema.dropTable(table).ifExists().execute();
    },
  };
}
