import type { Kysely, Selectable } from 'kysely';
import type { FilesTable } from './file-schema.ts';
import type { Database } from './schema.ts';

/** An uploaded file or a task's output file; the bytes are the artifact blob `digest`. */
export interface FileRecord {
  id: string;
  ownerId: string;
  /** Whose quota it counts against: the organisation the upload was made in. */
  orgId: string;
  name: string;
  contentType: string;
  sizeBytes: number;
  digest: string;
  /** Set for a function's output file: the task that wrote it. */
  taskId: string | null;
  createdAt: Date;
}

export interface FileRepository {
  create(file: Omit<FileRecord, 'createdAt'>): Promise<FileRecord>;
  get(id: string): Promise<FileRecord | null>;
  /** A task's output files, by name. */
  listByTask(taskId: string): Promise<FileRecord[]>;
  /** Bytes stored for the organisation (uploads and outputs). */
  bytesByOrg(orgId: string): Promise<number>;
}

export class KyselyFileRepository implements FileRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async create(file: Omit<FileRecord, 'createdAt'>): Promise<FileRecord> {
    const createdAt = Date.now();
    await this.#db
      .insertInto('files')
      .values({
        id: file.id,
        owner_id: file.ownerId,
        org_id: file.orgId,
        name: file.name,
        content_type: file.contentType,
        size_bytes: file.sizeBytes,
        digest: file.digest,
        task_id: file.taskId,
        created_at: createdAt,
      })
      .execute();
    return { ...file, createdAt: new Date(createdAt) };
  }

  async get(id: string): Promise<FileRecord | null> {
    const row = await this.#db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toRecord(row) : null;
  }

  async listByTask(taskId: string): Promise<FileRecord[]> {
    const rows = await this.#db.selectFrom('files').selectAll().where('task_id', '=', taskId).orderBy('name').execute();
    return rows.map(toRecord);
  }

  async bytesByOrg(orgId: string): Promise<number> {
    const row = await this.#db
      .selectFrom('files')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('size_bytes'), eb.val(0)).as('total'))
      .where('org_id', '=', orgId)
      .executeTakeFirst();
    return Number(row?.total ?? 0);
  }
}

function toRecord(row: Selectable<FilesTable>): FileRecord {
  return {
    id: row.id,
    ownerId: row.owner_id,
    orgId: row.org_id,
    name: row.name,
    contentType: row.content_type,
    sizeBytes: Number(row.size_bytes),
    digest: row.digest,
    taskId: row.task_id,
    createdAt: new Date(Number(row.created_at)),
  };
}
