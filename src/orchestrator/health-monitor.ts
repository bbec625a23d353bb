import type { ArtifactStore } from '../artifacts/index.ts';
import type { SpawnConfig } from '../config/index.ts';
import { SpawnError } from '../errors/index.ts';
import type { Logger } from '../log/index.ts';
import type { Sandbox, SandboxEndpoint } from '../runtime/index.ts';
import type { SandboxRecord, SessionRecord, Store } from '../store/index.ts';
import { probeApp } from './app-probe.ts';
import type { Lifecycle } from './lifecycle.ts';
import type { SandboxManager } from './sandbox-manager.ts';
import type { SessionEvents } from './session-events.ts';

const RECHECK_DELAY_MS = 300;

interface AppHealth {
  restartedAtMs: number | null;
  lastReason: string | null;
}

export interface HealthMonitorDeps {
  store: Store;
  artifacts: ArtifactStore;
  events: SessionEvents;
  sandboxes: SandboxManager;
  lifecycle: Lifecycle;
  config: SpawnConfig;
  logger: Logger;
}

/**
 * The seed's policy for a running api app: an unhealthy app (process exited, OOM-killed, port not
 * answering) is reported in its events and restarted once — in a fresh sandbox from the session's
 * current artifact version, which also clears a wedged or OOM-marked container and works the same
 * on every driver — and when it is still unhealthy `healthGraceSeconds` after that restart, the
 * session fails with APP_UNHEALTHY (Lifecycle.fail destroys the sandbox). One restart per session.
 */
export class HealthMonitor {
  readonly #apps = new Map<string, AppHealth>();
  readonly #d: HealthMonitorDeps;

  constructor(deps: HealthMonitorDeps) {
    this.#d = deps;
  }

  /** Checks one app (the HTTP probe only when `probe`); true when it is healthy. */
  async check(session: SessionRecord, record: SandboxRecord | null, probe: boolean): Promise<boolean> {
    const reason = await this.#diagnose(session, record, probe);
    let app = this.#apps.get(session.id);
    if (reason === null) {
      if (app) app.lastReason = null;
      return true;
    }
    if (!app) this.#apps.set(session.id, (app = { restartedAtMs: null, lastReason: null }));
    if (app.restartedAtMs === null) {
      app.restartedAtMs = Date.now();
      app.lastReason = reason;
      await this.#d.events.log(session.id, `app unhealthy: ${reason}; restarting it`, 'warn');
      await this.#restart(session);
      app.lastReason = null; // the first failure after the restart is reported too
      return false;
    }
    if (reason !== app.lastReason) await this.#d.events.log(session.id, `app unhealthy after its restart: ${reason}`, 'warn');
    app.lastReason = reason;
    const graceSeconds = this.#d.config.sandbox.healthGraceSeconds;
    if (Date.now() - app.restartedAtMs >= graceSeconds * 1000) {
      const message = `the app is unhealthy (${reason}) and did not recover within ${graceSeconds} s of a restart`;
      await this.#d.lifecycle.fail(session.id, new SpawnError('APP_UNHEALTHY', message));
    }
    return false;
  }

  /** Forgets sessions no longer checked here. */
  retain(sessionIds: ReadonlySet<string>): void {
    for (const id of this.#apps.keys()) if (!sessionIds.has(id)) this.#apps.delete(id);
  }

  async #diagnose(session: SessionRecord, record: SandboxRecord | null, probe: boolean): Promise<string | null> {
    if (!record) return 'the app has no sandbox';
    if (record.state !== 'running' || !record.endpoint) return 'the app is not started';
    const sandbox: Sandbox = { id: record.id, sessionId: session.id, driver: record.driver };
    const health = await this.#processHealth(sandbox);
    if (!health.ok) return health.reason ?? 'the app is not running';
    if (!probe) return null;
    const timeoutMs = Math.min(Math.max(this.#d.config.sandbox.healthIntervalSeconds * 1000, 1000), 5000);
    if ((await probeApp(record.endpoint as SandboxEndpoint, '/', timeoutMs)) !== null) return null;
    // A process that just died often closes its port before the driver sees the exit: ask again
    // so the event names the real cause (exit code, OOM) rather than the symptom.
    await new Promise((r) => setTimeout(r, RECHECK_DELAY_MS));
    const again = await this.#processHealth(sandbox);
    return again.ok ? 'port not answering' : (again.reason ?? 'the app is not running');
  }

  #processHealth(sandbox: Sandbox): Promise<{ ok: boolean; reason?: string }> {
    return this.#d.sandboxes.driver.health(sandbox).catch((err: unknown) => ({ ok: false, reason: `health check failed: ${(err as Error).message}` }));
  }

  async #restart(session: SessionRecord): Promise<void> {
    const { store, artifacts, events, sandboxes, logger } = this.#d;
    try {
      const version = session.currentVersion;
      if (version === null) throw new Error('the session has no deployed version');
      const files = await artifacts.getFiles(session.id, version);
      const meta = (await store.artifacts.getVersion(session.id, version))?.meta;
      const command = Array.isArray(meta?.command) ? (meta.command as string[]) : ['node', 'server.js'];
      await sandboxes.destroyForSession(session.id);
      const sandbox = await sandboxes.create(session, 'server');
      const onLog = (stream: 'stdout' | 'stderr', line: string): void => events.fireLog(session.id, `[${stream}] ${line}`);
      const started = await sandboxes.startApp(sandbox, files, command, onLog);
      // Destroyed or failed meanwhile: its release may have run before this sandbox existed.
      if ((await store.sessions.get(session.id))?.state !== 'running') {
        await sandboxes.destroy(sandbox.id);
        return;
      }
      if ('error' in started) await events.log(session.id, `restart failed: ${started.error}`, 'warn');
      else await events.log(session.id, 'app restarted in a fresh sandbox');
    } catch (err) {
      logger.warn({ err, sessionId: session.id }, 'restarting an unhealthy app failed');
      await events.log(session.id, `restart failed: ${(err as Error).message}`, 'warn');
    }
  }
}
