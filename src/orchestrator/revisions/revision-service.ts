import { PostMessageRequestSchema, shapeError } from '../../api-schemas/index.ts';
import { VERSION_SOURCES, type MessageList, type MessageView, type PostedMessage, type RestoredVersion, type VersionFiles, type VersionList, type VersionSource } from '../../api-types.ts';
import type { ArtifactStore } from '../../artifacts/index.ts';
import type { SpawnConfig } from '../../config/index.ts';
import { SpawnError } from '../../errors/index.ts';
import { needsSandbox, type Generator } from '../../generator/index.ts';
import type { JobQueue } from '../../queue/index.ts';
import type { AppFile } from '../../runtime/index.ts';
import type { SessionRecord, Store } from '../../store/index.ts';
import type { SessionEvents } from '../sessions/session-events.ts';
import type { SessionService } from '../sessions/session-service.ts';
import { editorOf, newMessageId } from './conversation.ts';
import type { EditRunner } from './edit-runner.ts';
import { titleSlug, zipFiles } from './zip-export.ts';

export interface RevisionServiceDeps {
  store: Store;
  queue: JobQueue;
  events: SessionEvents;
  artifacts: ArtifactStore;
  sessions: SessionService;
  generator: Generator;
  runner: EditRunner;
  config: SpawnConfig;
}

/** What the API asks of an app's history: follow-up edits, versions, restore and export. Owner-checked. */
export class RevisionService {
  readonly #d: RevisionServiceDeps;

  constructor(deps: RevisionServiceDeps) {
    this.#d = deps;
  }

  /** Records the request and queues the edit; any worker carries it out (see EditRunner). */
  async postMessage(ownerId: string, id: string, body: unknown): Promise<PostedMessage> {
    const prompt = this.#parsePrompt(body);
    const session = await this.#d.sessions.get(ownerId, id);
    if (!editorOf(this.#d.generator)) {
      throw new SpawnError('EDITS_NEED_A_MODEL', 'apps come from the offline templates, which cannot be edited: set ANTHROPIC_API_KEY, OPENAI_API_KEY or SPAWN_MODELS and restart to edit apps with a model');
    }
    const messageId = await this.#begin(session, prompt, null);
    await this.#enqueue(session.id, messageId);
    return { messageId };
  }

  async messages(ownerId: string, id: string): Promise<MessageList> {
    const session = await this.#d.sessions.get(ownerId, id);
    const stored = await this.#d.store.messages.listBySession(session.id);
    const image = session.promptImage ? { image: { mediaType: session.promptImage.mediaType, bytes: session.promptImage.bytes, url: `/api/sessions/${session.id}/image` } } : {};
    const first: MessageView = { id: 'prompt', role: 'user', content: session.prompt, status: session.currentVersion === null ? 'pending' : 'done', ...image, createdAt: session.createdAt.toISOString() };
    const rest = stored.map((m): MessageView => ({
      id: m.id,
      role: m.role,
      content: m.content,
      ...(m.version === null ? {} : { version: m.version }),
      ...(m.role === 'user' ? { status: m.status } : {}),
      createdAt: m.createdAt.toISOString(),
    }));
    return { messages: [first, ...rest] };
  }

  async versions(ownerId: string, id: string): Promise<VersionList> {
    const session = await this.#d.sessions.get(ownerId, id);
    const versions: VersionList['versions'] = [];
    for (const v of await this.#d.artifacts.listVersions(session.id)) {
      const stored = await this.#d.store.artifacts.getVersion(session.id, v.version);
      const resultPath = v.meta.resultPath;
      const files = Object.keys(stored?.files ?? {}).filter((path) => path !== resultPath).length;
      const source: VersionSource = (VERSION_SOURCES as readonly unknown[]).includes(v.meta.source) ? (v.meta.source as VersionSource) : 'generate';
      const message = typeof v.meta.message === 'string' ? v.meta.message : undefined;
      versions.push({ version: v.version, createdAt: v.createdAt.toISOString(), files, source, ...(message ? { message } : {}) });
    }
    return { current: session.currentVersion, versions };
  }

  async files(ownerId: string, id: string, version?: string): Promise<VersionFiles> {
    const session = await this.#d.sessions.get(ownerId, id);
    const n = version === undefined ? session.currentVersion : this.#parseVersion(version);
    const files = n === null ? [] : await this.#d.artifacts.getFiles(session.id, n);
    if (n === null || files.length === 0) throw new SpawnError('VERSION_NOT_FOUND', n === null ? 'the app has no version yet' : `the session has no version ${n}`);
    return { version: n, files: files.map((f) => ({ path: f.path, size: Buffer.byteLength(f.content), content: f.content })) };
  }

  /** A new version with version n's files: live at once for a web app, through a worker otherwise. */
  async restore(ownerId: string, id: string, versionParam: string): Promise<{ queued: boolean; body: RestoredVersion }> {
    const session = await this.#d.sessions.get(ownerId, id);
    const n = this.#parseVersion(versionParam);
    if (!(await this.#d.store.artifacts.getVersion(session.id, n))) throw new SpawnError('VERSION_NOT_FOUND', `the session has no version ${n}`);
    const messageId = await this.#begin(session, `restore version ${n}`, n);
    // What runs in a sandbox is restored by a worker; static files go live right here.
    if (needsSandbox(session.appType)) {
      await this.#enqueue(session.id, messageId);
      return { queued: true, body: { messageId, version: null } };
    }
    const outcome = await this.#d.runner.process(messageId, AbortSignal.timeout(60_000));
    if (outcome && 'error' in outcome) throw outcome.error;
    return { queued: false, body: { messageId, version: outcome?.version ?? null } };
  }

  /** The current version's sources (a script's result page is output, not source). */
  async exportZip(ownerId: string, id: string): Promise<{ filename: string; zip: Buffer }> {
    const session = await this.#d.sessions.get(ownerId, id);
    if (session.currentVersion === null) throw new SpawnError('VERSION_NOT_FOUND', 'the app has no version yet');
    const stored = await this.#d.store.artifacts.getVersion(session.id, session.currentVersion);
    const files: AppFile[] = (await this.#d.artifacts.getFiles(session.id, session.currentVersion)).filter((f) => f.path !== stored?.meta.resultPath);
    return { filename: `${titleSlug(session.title)}.zip`, zip: await zipFiles(files, stored?.createdAt ?? new Date()) };
  }

  /** Takes the session's one change slot (a pending message), or says why it cannot. */
  async #begin(session: SessionRecord, content: string, restoreVersion: number | null): Promise<string> {
    if (session.state !== 'running') throw new SpawnError('SESSION_NOT_ACTIVE', `the app is ${session.state}: only a running app can be changed`);
    // A change whose worker died long ago must not block the app forever.
    await this.#d.store.messages.failStale(session.id, new Date(Date.now() - this.#d.config.stuckAfterSeconds * 1000));
    const messageId = newMessageId();
    if (!(await this.#d.store.messages.addPending({ id: messageId, sessionId: session.id, content, restoreVersion, createdAt: new Date() }))) {
      throw new SpawnError('EDIT_IN_PROGRESS', 'a change to this app is still being made: wait for its result on the event stream, then send the next one');
    }
    await this.#d.events.log(session.id, restoreVersion === null ? `change requested: ${content.slice(0, 200)}` : `restore of version ${restoreVersion} requested`);
    return messageId;
  }

  async #enqueue(sessionId: string, messageId: string): Promise<void> {
    try {
      await this.#d.queue.enqueue('session.edit', { sessionId, messageId }, { jobId: `edit-${messageId}` });
    } catch (err) {
      await this.#d.store.messages.finish(messageId, 'failed');
      throw new SpawnError('QUEUE_UNAVAILABLE', 'the job queue is not reachable; the change was not queued', { cause: err });
    }
  }

  #parsePrompt(body: unknown): string {
    const parsed = PostMessageRequestSchema.safeParse(body);
    if (!parsed.success) throw shapeError(parsed.error);
    const prompt = parsed.data.prompt.trim();
    if (prompt.length === 0) throw new SpawnError('PROMPT_EMPTY', 'prompt must not be empty');
    if ([...prompt].length > this.#d.config.maxPromptChars) {
      throw new SpawnError('PROMPT_TOO_LONG', `prompt is ${[...prompt].length} characters; the maximum is ${this.#d.config.maxPromptChars}`);
    }
    return prompt;
  }

  #parseVersion(value: string): number {
    if (!/^[1-9]\d{0,8}$/.test(value)) throw new SpawnError('INVALID_REQUEST', `version must be a positive whole number, got "${value}"`);
    return Number(value);
  }
}
