import { createHash } from 'node:crypto';
import type { SpawnConfig } from '../../config/index.ts';
import { SpawnError } from '../../errors/index.ts';
import type { FileRecord, Store, TaskRecord } from '../../store/index.ts';
import { newId } from '../ids.ts';
import { collectFileIds } from './file-refs.ts';
import { fileContentType, safeFileName } from './file-names.ts';

/** A file as sent to a runner: the runner writes `data` (base64) to a read-only copy. */
export interface RunnerFile {
  id: string;
  name: string;
  data: string;
}

/**
 * Uploaded files and functions' output files. Bytes live in the artifact blobs (content-addressed,
 * in the database: every node sees them); rows carry owner, organisation and name. A file of
 * another owner is FILE_NOT_FOUND, exactly like one that does not exist.
 */
export class FileService {
  readonly #store: Store;
  readonly #limits: SpawnConfig['files'];

  constructor(store: Store, config: SpawnConfig) {
    this.#store = store;
    this.#limits = config.files;
  }

  get maxBytes(): number {
    return this.#limits.maxBytes;
  }

  /** Stores an upload. Organisations are not modelled yet: the org is the owner. */
  async upload(ownerId: string, file: { name: string | undefined; content: Buffer }): Promise<FileRecord> {
    if (file.content.length > this.#limits.maxBytes) throw tooLarge(this.#limits.maxBytes);
    await this.#checkQuota(ownerId, file.content.length);
    return this.#save(ownerId, safeFileName(file.name), file.content, null);
  }

  async get(ownerId: string, fileId: string): Promise<FileRecord> {
    const file = await this.#store.files.get(fileId);
    if (!file || file.ownerId !== ownerId) throw new SpawnError('FILE_NOT_FOUND', `no file ${fileId}`);
    return file;
  }

  async content(file: FileRecord): Promise<Buffer> {
    const content = await this.#store.artifacts.getBlob(file.digest);
    if (!content) throw new SpawnError('FILE_NOT_FOUND', `the content of file ${file.id} is gone`);
    return content;
  }

  /** Every `{"$file"}` in the inputs names a file of this owner (else FILE_NOT_FOUND, 404). */
  async assertReadable(ownerId: string, inputs: unknown): Promise<void> {
    for (const id of collectFileIds(inputs)) await this.get(ownerId, id);
  }

  /** The files a task's inputs reference, as its runner receives them (checked against its owner again). */
  async forRunner(task: TaskRecord): Promise<RunnerFile[]> {
    const files: RunnerFile[] = [];
    for (const id of collectFileIds(task.inputs)) {
      const file = await this.get(task.ownerId, id);
      files.push({ id, name: file.name, data: (await this.content(file)).toString('base64') });
    }
    return files;
  }

  listForTask(taskId: string): Promise<FileRecord[]> {
    return this.#store.files.listByTask(taskId);
  }

  async taskFile(taskId: string, name: string): Promise<FileRecord> {
    const file = (await this.#store.files.listByTask(taskId)).find((f) => f.name === name);
    if (!file) throw new SpawnError('FILE_NOT_FOUND', `task ${taskId} has no file "${name}"`);
    return file;
  }

  /** Records a task's output files (already checked against the output limits). */
  async saveOutputs(task: TaskRecord, files: { name: string; content: Buffer }[]): Promise<FileRecord[]> {
    const saved: FileRecord[] = [];
    for (const file of files) saved.push(await this.#save(task.ownerId, file.name, file.content, task.id));
    return saved;
  }

  async #checkQuota(orgId: string, adding: number): Promise<void> {
    const used = await this.#store.files.bytesByOrg(orgId);
    if (used + adding > this.#limits.quotaBytes) {
      const details = { usedBytes: used, quotaBytes: this.#limits.quotaBytes };
      throw new SpawnError('FILE_QUOTA_EXCEEDED', `this upload (${adding} bytes) would take the organisation's files past ${this.#limits.quotaBytes} bytes (SPAWN_FILE_QUOTA_MB); ${used} are used`, { details });
    }
  }

  async #save(ownerId: string, name: string, content: Buffer, taskId: string | null): Promise<FileRecord> {
    const digest = createHash('sha256').update(content).digest('hex');
    await this.#store.artifacts.putBlob(digest, content);
    return this.#store.files.create({ id: newId('file'), ownerId, orgId: ownerId, name, contentType: fileContentType(name), sizeBytes: content.length, digest, taskId });
  }
}

export function tooLarge(maxBytes: number): SpawnError {
  return new SpawnError('FILE_TOO_LARGE', `the file is larger than ${maxBytes} bytes (SPAWN_FILE_MAX_MB)`, { details: { maxBytes } });
}
