import { setTimeout as sleep } from 'node:timers/promises';
import type { ArtifactStore } from '../../artifacts/index.ts';
import type { SpawnConfig } from '../../config/index.ts';
import { SpawnError } from '../../errors/index.ts';
import type { AppFile } from '../../runtime/index.ts';
import type { SessionRecord, Store } from '../../store/index.ts';
import type { SandboxManager } from '../sandbox-manager.ts';
import { AppLauncher } from '../app-launcher.ts';
import type { SessionEvents } from '../session-events.ts';

/**
 * Longer than the proxy's route cache (1 s): once deploy() returns, every node serves the new
 * version, and no request is still routed to an old server being stopped.
 */
const SWITCH_GRACE_MS = 1_200;

export const REVISION_SOURCES = ['generate', 'edit', 'restore'] as const;
export type RevisionSource = (typeof REVISION_SOURCES)[number];

/** The sources of a new version (never a script's result page) and what made them. */
export interface Revision {
  files: AppFile[];
  command: string[] | null;
  meta: { source: RevisionSource; generator: string; model: string | null; message?: string; restoredFrom?: number };
}

export interface AppRedeployerDeps {
  store: Store;
  artifacts: ArtifactStore;
  /** Null on API-only nodes: they can redeploy web apps only (no process needed). */
  sandboxes: SandboxManager | null;
  events: SessionEvents;
  config: SpawnConfig;
}

/**
 * Puts a new version of a running app live at the same URL: a web app by moving its current
 * version, a script by running it again in a fresh sandbox, an api app by starting the new files
 * beside the old server and switching over once they answer. The old version stays live until
 * then; any failure leaves it live.
 */
export class AppRedeployer {
  readonly #d: AppRedeployerDeps;

  constructor(deps: AppRedeployerDeps) {
    this.#d = deps;
  }

  /** Returns the new version, now live. */
  async deploy(session: SessionRecord, revision: Revision, signal: AbortSignal): Promise<number> {
    const meta = { ...revision.meta, command: revision.command };
    if (session.appType === 'webapp') return this.#goLive(session, await this.#d.artifacts.saveVersion(session.id, revision.files, meta), true);
    const sandboxes = this.#d.sandboxes;
    if (!sandboxes) throw new SpawnError('DEPLOY_FAILED', `a ${session.appType} app can only be redeployed on a worker node`);
    if (session.appType === 'script') {
      const page = await this.#runScript(sandboxes, session, revision, signal);
      const version = await this.#d.artifacts.saveVersion(session.id, [...revision.files, page], { ...meta, resultPath: page.path });
      return this.#goLive(session, version, true);
    }
    return this.#switchServer(sandboxes, session, revision, signal, meta);
  }

  async #runScript(sandboxes: SandboxManager, session: SessionRecord, revision: Revision, signal: AbortSignal): Promise<AppFile> {
    const sandbox = await sandboxes.create(session, 'script');
    try {
      return await new AppLauncher(sandboxes, this.#d.events, this.#d.config).runScript(session, sandbox, revision.files, revision.command, signal);
    } finally {
      await sandboxes.destroy(sandbox.id).catch(() => undefined);
    }
  }

  async #switchServer(sandboxes: SandboxManager, session: SessionRecord, revision: Revision, signal: AbortSignal, meta: Record<string, unknown>): Promise<number> {
    const old = await this.#d.store.sandboxes.getLiveBySession(session.id);
    // Back-dated so the proxy keeps routing to the old server until the switch below.
    const sandbox = await sandboxes.create(session, 'server', old ? { recordCreatedAt: new Date(old.createdAt.getTime() - 1) } : {});
    let version: number;
    try {
      await new AppLauncher(sandboxes, this.#d.events, this.#d.config).startServer(session, sandbox, revision.files, revision.command, signal);
      version = await this.#d.artifacts.saveVersion(session.id, revision.files, meta);
      await this.#goLive(session, version, false);
    } catch (err) {
      await sandboxes.destroy(sandbox.id).catch(() => undefined);
      throw err;
    }
    if (old) {
      // The switch: with the old record destroyed, the new server is the session's live sandbox.
      await this.#d.store.sandboxes.markDestroyed(old.id);
      await sleep(SWITCH_GRACE_MS);
      await sandboxes.destroy(old.id).catch(() => undefined);
    }
    return version;
  }

  async #goLive(session: SessionRecord, version: number, settle: boolean): Promise<number> {
    const moved = await this.#d.store.sessions.transition(session.id, ['running'], 'running', { currentVersion: version });
    if (!moved) throw new SpawnError('SESSION_NOT_ACTIVE', 'the session ended while the change was being made');
    if (settle) await sleep(SWITCH_GRACE_MS);
    return version;
  }
}
