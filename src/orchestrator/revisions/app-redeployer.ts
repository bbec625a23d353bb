import { setTimeout as sleep } from 'node:timers/promises';
import { SpawnError } from '../../errors/index.ts';
import type { AppFile } from '../../runtime/index.ts';
import type { SandboxService } from '../../sandboxes/index.ts';
import type { SessionRecord, Store, StoredVerification } from '../../store/index.ts';
import type { AppDeployer } from '../deploy/app-deployer.ts';
import { toStoredVerification } from '../deploy/app-verification.ts';

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
  deployer: AppDeployer;
  /** Null on API-only nodes: the old server of an api app is then never theirs to stop. */
  sandboxes: SandboxService | null;
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

  /**
   * Returns the new version, now live. With `keepWithProblems: false` a version the verifier finds
   * broken is refused (AppProblemsFound) and the old one stays live, so the caller can repair.
   */
  async deploy(session: SessionRecord, revision: Revision, signal: AbortSignal, options: { keepWithProblems?: boolean } = {}): Promise<number> {
    const old = await this.#d.store.sandboxes.getLiveBySession(session.id);
    const deployed = await this.#d.deployer.deploy(session, { files: revision.files, command: revision.command, meta: revision.meta }, { signal, ...options });
    const { version, server } = deployed;
    // What the verifier found becomes the session's with the version; a script's run is its check.
    const verification = deployed.verification ? toStoredVerification(deployed.verification, version) : null;
    if (!server) return this.#goLive(session, version, true, verification);
    try {
      await this.#goLive(session, version, false, verification);
    } catch (err) {
      await this.#d.sandboxes?.destroy(server.id).catch(() => undefined);
      throw err;
    }
    if (old) {
      // The switch: with the old record destroyed, the new server is the session's live sandbox.
      await this.#d.store.sandboxes.markDestroyed(old.id);
      await sleep(SWITCH_GRACE_MS);
      await this.#d.sandboxes?.destroy(old.id).catch(() => undefined);
    }
    return version;
  }

  async #goLive(session: SessionRecord, version: number, settle: boolean, verification: StoredVerification | null): Promise<number> {
    const moved = await this.#d.store.sessions.transition(session.id, ['running'], 'running', { currentVersion: version, verification });
    if (!moved) throw new SpawnError('SESSION_NOT_ACTIVE', 'the session ended while the change was being made');
    if (settle) await sleep(SWITCH_GRACE_MS);
    return version;
  }
}
