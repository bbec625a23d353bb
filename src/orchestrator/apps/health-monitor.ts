import type { SpawnConfig } from '../../config/index.ts';
import { SpawnError } from '../../errors/index.ts';
import type { Logger } from '../../log/index.ts';
import type { Sandbox } from '../../runtime/index.ts';
import type { SandboxRecord, SessionRecord, Store } from '../../store/index.ts';
import { localEndpoint, parseRecordedEndpoint, probeApp, type SandboxService } from '../../sandboxes/index.ts';
import type { Lifecycle } from '../sessions/lifecycle.ts';
import type { AppDeployer } from '../deploy/app-deployer.ts';
import type { SessionEvents } from '../sessions/session-events.ts';

const RECHECK_DELAY_MS = 300;

interface AppHealth {
  restartedAtMs: number | null;
  lastReason: string | null;
}

export interface HealthMonitorDeps {
  store: Store;
  events: SessionEvents;
  sandboxes: SandboxService;
  deployer: AppDeployer;
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
    const endpoint = parseRecordedEndpoint(record.endpoint);
    if (record.state !== 'running' || !endpoint) return 'the app is not started';
    const sandbox: Sandbox = { id: record.id, sessionId: session.id, driver: record.driver };
    const health = await this.#processHealth(sandbox);
    if (!health.ok) return health.reason ?? 'the app is not running';
    if (!probe) return null;
    const timeoutMs = Math.min(Math.max(this.#d.config.sandbox.healthIntervalSeconds * 1000, 1000), 5000);
    if ((await probeApp(localEndpoint(endpoint), '/', timeoutMs)) !== null) return null;
    // A process that just died often closes its port before the driver sees the exit: ask again
    // so the event names the real cause (exit code, OOM) rather than the symptom.
    await new Promise((r) => setTimeout(r, RECHECK_DELAY_MS));
    const again = await this.#processHealth(sandbox);
    return again.ok ? 'port not answering' : (again.reason ?? 'the app is not running');
  }

  #processHealth(sandbox: Sandbox): Promise<{ ok: boolean; reason?: string }> {
    return this.#d.sandboxes.health(sandbox);
  }

  async #restart(session: SessionRecord): Promise<void> {
    const { deployer, events, logger } = this.#d;
    try {
      const outcome = await deployer.restart(session);
      if (outcome === 'restarted') await events.log(session.id, 'app restarted in a fresh sandbox');
      else if (outcome !== 'session-ended') await events.log(session.id, `restart failed: ${outcome.error}`, 'warn');
    } catch (err) {
      logger.warn({ err, sessionId: session.id }, 'restarting an unhealthy app failed');
      await events.log(session.id, `restart failed: ${(err as Error).message}`, 'warn');
    }
  }
}
