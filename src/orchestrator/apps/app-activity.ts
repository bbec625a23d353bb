import type { Logger } from '../../log/index.ts';
import type { Sandbox } from '../../runtime/index.ts';
import type { SandboxService } from '../../sandboxes/index.ts';
import type { Store } from '../../store/index.ts';
import type { SessionEvents } from '../sessions/session-events.ts';

type Phase = 'awake' | 'pausing' | 'paused' | 'waking';

interface AppState {
  phase: Phase;
  sandbox: Sandbox | null;
  lastActiveMs: number;
  /** Requests (and WebSocket connections) being proxied right now: never paused under them. */
  inFlight: number;
  /** Health checks and restarts in progress: never paused under them either. */
  holds: number;
  transition: Promise<void> | null;
}

/**
 * Scale-to-zero state of the api apps this node serves. The app proxy reports every request
 * (`requestStarted`/`requestEnded`, a Map lookup for an awake app); a paused app is resumed before
 * the request is forwarded, and concurrent requests share one resume. Last-request times live in
 * memory on purpose: they change on every request and only the node that proxies them needs them.
 * Pause intervals are recorded in the store (billing, adoption after a restart).
 */
export class AppActivity {
  readonly #apps = new Map<string, AppState>();
  readonly #d: { sandboxes: SandboxService; store: Store; events: SessionEvents; logger: Logger };
  #proxied = false;
  /** Told when an app was paused (the bus link tells API nodes). */
  onPaused: ((sessionId: string) => void) | undefined;

  constructor(deps: { sandboxes: SandboxService; store: Store; events: SessionEvents; logger: Logger }) {
    this.#d = deps;
  }

  /** Proxy hook: an app proxy in this process reports its requests here, so idle apps may pause. */
  proxyAttached(): void {
    this.#proxied = true;
  }

  get proxied(): boolean {
    return this.#proxied;
  }

  /** Proxy hook: a request for an api app starts. A promise means "wait: the app is being woken". */
  requestStarted(sessionId: string): Promise<void> | undefined {
    const app = this.#entry(sessionId);
    app.lastActiveMs = Date.now();
    app.inFlight += 1;
    return app.phase === 'awake' ? undefined : this.wake(sessionId);
  }

  /** Proxy hook: that request (or WebSocket connection) is over. */
  requestEnded(sessionId: string): void {
    const app = this.#apps.get(sessionId);
    if (!app) return;
    app.inFlight = Math.max(0, app.inFlight - 1);
    app.lastActiveMs = Date.now();
  }

  /** Activity reported by another node's proxy: these apps had requests (or still have some). */
  touch(sessionIds: readonly string[]): void {
    const now = Date.now();
    for (const id of sessionIds) {
      const app = this.#apps.get(id);
      if (app) app.lastActiveMs = now;
    }
  }

  /** Whether this node supervises the app (seen by the supervisor, not forgotten since). */
  tracks(sessionId: string): boolean {
    return this.#apps.get(sessionId)?.sandbox != null;
  }

  isAwake(sessionId: string): boolean {
    return (this.#apps.get(sessionId)?.phase ?? 'awake') === 'awake';
  }

  /** First sight of an app on this node: adopts a pause left open by an earlier process. */
  async track(sessionId: string, sandbox: Sandbox): Promise<void> {
    const known = this.#apps.get(sessionId);
    if (known) {
      if (known.phase === 'paused' && known.sandbox?.id !== sandbox.id) await this.wake(sessionId).catch(() => undefined);
      return;
    }
    const app = this.#entry(sessionId);
    app.sandbox = sandbox;
    if (await this.#d.store.pauses.openSince(sessionId)) app.phase = 'paused';
  }

  /** Runs `work` with the app kept awake (no pause starts meanwhile). */
  async whileHeld<T>(sessionId: string, work: () => Promise<T>): Promise<T> {
    const app = this.#entry(sessionId);
    app.holds += 1;
    try {
      return await work();
    } finally {
      app.holds -= 1;
    }
  }

  /** Pauses the app when it has had no request for `idleMs`; true when it did. */
  async pauseIfIdle(sessionId: string, sandbox: Sandbox, idleMs: number): Promise<boolean> {
    const app = this.#entry(sessionId);
    const idleForMs = Date.now() - app.lastActiveMs;
    if (app.phase !== 'awake' || app.inFlight > 0 || app.holds > 0 || idleForMs < idleMs) return false;
    app.phase = 'pausing';
    app.sandbox = sandbox;
    app.transition = (async () => {
      try {
        await this.#d.sandboxes.pause(sandbox);
        await this.#d.store.pauses.start(sessionId, sandbox.id, new Date());
        app.phase = 'paused';
        this.onPaused?.(sessionId);
      } catch (err) {
        app.phase = 'awake';
        this.#d.logger.warn({ err, sessionId }, 'pausing an idle app failed; it keeps running');
        return;
      }
      await this.#d.events.log(sessionId, `paused after ${Math.round(idleForMs / 1000)} s without requests; the next request resumes it`);
    })().finally(() => (app.transition = null));
    await app.transition;
    return (app.phase as Phase) === 'paused';
  }

  /** Resumes a paused app (no-op when awake); concurrent callers share one resume. */
  wake(sessionId: string): Promise<void> {
    const app = this.#entry(sessionId);
    if (app.phase === 'awake') return Promise.resolve();
    if (app.transition) return app.phase === 'pausing' ? app.transition.then(() => this.wake(sessionId)) : app.transition;
    app.phase = 'waking';
    app.transition = this.#resume(sessionId, app).finally(() => {
      // Even when resuming failed: the health monitor then sees the app and restarts it.
      app.phase = 'awake';
      app.transition = null;
      app.lastActiveMs = Date.now();
    });
    return app.transition;
  }

  /** Forgets apps this node no longer serves (destroyed, failed, moved). */
  retain(sessionIds: ReadonlySet<string>): void {
    for (const [id, app] of this.#apps) if (!sessionIds.has(id) && app.inFlight === 0 && !app.transition) this.#apps.delete(id);
  }

  async #resume(sessionId: string, app: AppState): Promise<void> {
    const startedMs = Date.now();
    const record = await this.#d.store.sandboxes.getLiveBySession(sessionId);
    const sandbox = app.sandbox ?? (record ? { id: record.id, sessionId, driver: record.driver } : null);
    if (!sandbox) throw new Error(`session ${sessionId} has no live sandbox to resume`);
    // A redeploy may have replaced the paused sandbox by a running one: nothing to resume then.
    if (!record || record.id === sandbox.id) await this.#d.sandboxes.resume(sandbox);
    const pausedSeconds = await this.#d.store.pauses.end(sessionId, new Date());
    const tookMs = Date.now() - startedMs;
    this.#d.events.fireLog(sessionId, `resumed by a request after ${Math.round(pausedSeconds ?? 0)} s paused (${tookMs} ms)`);
  }

  #entry(sessionId: string): AppState {
    let app = this.#apps.get(sessionId);
    if (!app) {
      app = { phase: 'awake', sandbox: null, lastActiveMs: Date.now(), inFlight: 0, holds: 0, transition: null };
      this.#apps.set(sessionId, app);
    }
    return app;
  }
}
