import { createHash } from 'node:crypto';
import type { ArtifactRepository } from '../store/index.ts';

/** One file of an app version (the same shape as the runtime's AppFile; artifacts sit below the runtime). */
export interface AppFile {
  path: string;
  content: string;
}

export interface ArtifactFile {
  content: Buffer;
  digest: string;
}

/**
 * Content-addressed versions of a session's files, kept in the database so every node (API or
 * worker, on any host) sees the same artifacts without a shared volume. Unchanged files are
 * stored once; a version is a manifest of path → digest.
 */
export class ArtifactStore {
  readonly #repo: ArtifactRepository;
  /** Blobs are immutable by digest, so caching them forever is safe (bounded by count). */
  readonly #blobCache = new Map<string, Buffer>();

  constructor(repo: ArtifactRepository) {
    this.#repo = repo;
  }

  /** Saves the files as the session's next version and returns its number (1, 2, …). */
  async saveVersion(sessionId: string, files: AppFile[], meta: Record<string, unknown> = {}): Promise<number> {
    const manifest: Record<string, { digest: string; size: number }> = {};
    for (const file of files) {
      const content = Buffer.from(file.content, 'utf8');
      const digest = createHash('sha256').update(content).digest('hex');
      await this.#repo.putBlob(digest, content);
      manifest[file.path] = { digest, size: content.length };
    }
    const version = ((await this.#repo.latestVersion(sessionId)) ?? 0) + 1;
    await this.#repo.putVersion(sessionId, version, manifest, meta);
    return version;
  }

  /** Stores a blob that is not a file of a version (a version's thumbnail); returns its digest. */
  async saveBlob(content: Buffer): Promise<string> {
    const digest = createHash('sha256').update(content).digest('hex');
    await this.#repo.putBlob(digest, content);
    return digest;
  }

  /**
   * Stores a PNG as the thumbnail of a version already saved (it is taken after the session went
   * live, off its path). False when the version is gone (the session was deleted meanwhile).
   */
  async attachThumbnail(sessionId: string, version: number, png: Buffer): Promise<boolean> {
    return this.#repo.mergeVersionMeta(sessionId, version, { thumbnail: await this.saveBlob(png) });
  }

  readBlob(digest: string): Promise<Buffer | null> {
    return this.#blob(digest);
  }

  async readFile(sessionId: string, version: number, filePath: string): Promise<ArtifactFile | null> {
    const v = await this.#repo.getVersion(sessionId, version);
    const entry = v?.files[filePath];
    if (!entry) return null;
    const content = await this.#blob(entry.digest);
    return content ? { content, digest: entry.digest } : null;
  }

  async getFiles(sessionId: string, version: number): Promise<AppFile[]> {
    const v = await this.#repo.getVersion(sessionId, version);
    if (!v) return [];
    const files: AppFile[] = [];
    for (const [filePath, entry] of Object.entries(v.files)) {
      const content = await this.#blob(entry.digest);
      if (content) files.push({ path: filePath, content: content.toString('utf8') });
    }
    return files;
  }

  listVersions(sessionId: string): ReturnType<ArtifactRepository['listVersions']> {
    return this.#repo.listVersions(sessionId);
  }

  async #blob(digest: string): Promise<Buffer | null> {
    const cached = this.#blobCache.get(digest);
    if (cached) return cached;
    const content = await this.#repo.getBlob(digest);
    if (content) {
      if (this.#blobCache.size >= 2000) this.#blobCache.delete(this.#blobCache.keys().next().value as string);
      this.#blobCache.set(digest, content);
    }
    return content;
  }
}
