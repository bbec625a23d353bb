import type { Kysely } from 'kysely';
import { toJson } from './codec.ts';
import { studyFromRow } from './function-rows.ts';
import type { StudyRecord, StudyRepository } from './function-store.ts';
import type { Database } from './schema.ts';

export class KyselyStudyRepository implements StudyRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async create(study: Omit<StudyRecord, 'createdAt'>): Promise<StudyRecord> {
    const row = await this.#db
      .insertInto('studies')
      .values({
        id: study.id,
        owner_id: study.ownerId,
        org_id: study.ownerId,
        target_kind: study.targetKind,
        target_id: study.targetId,
        mode: study.mode,
        parameters: toJson(study.parameters),
        base_inputs: toJson(study.baseInputs),
        total_runs: study.totalRuns,
        created_at: Date.now(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return studyFromRow(row);
  }

  async get(id: string): Promise<StudyRecord | null> {
    const row = await this.#db.selectFrom('studies').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? studyFromRow(row) : null;
  }
}
