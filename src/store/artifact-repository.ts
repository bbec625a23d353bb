import type { Kysely } from 'kysely';
import { SpawnError } from '../errors/index.ts';
import { fromJson, fromMs, toJson } from './codec.ts';
import type { Database } from './schema.ts';
import type { ArtifactRepository } from './store.ts';

type FileMap = Record<string, { digest: string; size: number }>;

export class KyselyArtifactRepository implements ArtifactRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async putBlob(digest: string, content: Buffer): Promise<void> {
    await this.#db
      .insertInto('artifact_blobs')
      .values({ digest, content, size: content.byteLength })
      .onConflict((oc) => oc.column('digest').doNothing())
      .execute();
  }

  async getBlob(digest: string): Promise<Buffer | null> {
    const row = await this.#db.selectFrom('artifact_blobs').select('content').where('digest', '=', digest).executeTakeFirst();
    return row ? Buffer.from(row.content) : null;
  }

  async putVersion(sessionId: string, version: number, files: FileMap, meta: Record<string, unknown>): Promise<void> {
    // DO NOTHING + row count instead of catching a driver-specific unique-violation error.
    const result = await this.#db
      .insertInto('artifact_versions')
      .values({ session_id: sessionId, version, files: toJson(files), meta: toJson(meta), created_at: Date.now() })
      .onConflict((oc) => oc.columns(['session_id', 'version']).doNothing())
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) {
      throw new SpawnError('INTERNAL_ERROR', `artifact version ${version} of session ${sessionId} already exists; versions are immutable, write version ${version + 1} instead`, {
        details: { sessionId, version },
      });
    }
  }

  async getVersion(sessionId: string, version: number): Promise<{ version: number; files: FileMap; meta: Record<string, unknown>; createdAt: Date } | null> {
    const row = await this.#db
      .selectFrom('artifact_versions')
      .selectAll()
      .where('session_id', '=', sessionId)
      .where('version', '=', version)
      .executeTakeFirst();
    if (!row) return null;
    return { version: Number(row.version), files: fromJson<FileMap>(row.files), meta: fromJson<Record<string, unknown>>(row.meta), createdAt: fromMs(row.created_at) };
  }

  async listVersions(sessionId: string): Promise<{ version: number; createdAt: Date; meta: Record<string, unknown> }[]> {
    const rows = await this.#db
      .selectFrom('artifact_versions')
      .select(['version', 'created_at', 'meta'])
      .where('session_id', '=', sessionId)
      .orderBy('version', 'asc')
      .execute();
    return rows.map((r) => ({ version: Number(r.version), createdAt: fromMs(r.created_at), meta: fromJson<Record<string, unknown>>(r.meta) }));
  }

  async latestVersion(sessionId: string): Promise<number | null> {
    const row = await this.#db
      .selectFrom('artifact_versions')
      .select((eb) => eb.fn.max('version').as('latest'))
      .where('session_id', '=', sessionId)
      .executeTakeFirst();
    return row?.latest === null || row?.latest === undefined ? null : Number(row.latest);
  }

  async mergeVersionMeta(sessionId: string, version: number, patch: Record<string, unknown>): Promise<boolean> {
    // Compare-and-set on the meta text instead of a transaction or a JSON operator: the same
    // statements on SQLite and PostgreSQL, and two writers never lose each other's keys.
    for (let attempt = 0; attempt < 5; attempt++) {
      const row = await this.#db.selectFrom('artifact_versions').select('meta').where('session_id', '=', sessionId).where('version', '=', version).executeTakeFirst();
      if (!row) return false;
      const meta = toJson({ ...fromJson<Record<string, unknown>>(row.meta), ...patch });
      const result = await this.#db
        .updateTable('artifact_versions')
        .set({ meta })
        .where('session_id', '=', sessionId)
        .where('version', '=', version)
        .where('meta', '=', row.meta)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) > 0) return true;
    }
    throw new SpawnError('INTERNAL_ERROR', `the meta of version ${version} of session ${sessionId} kept changing while it was updated`);
  }
}
