import { hostname } from 'node:os';
import type { SpawnConfig } from '../../config/index.ts';
import type { Logger } from '../../log/index.ts';
import { PeriodicTask } from '../../queue/index.ts';
import { APP_TYPE_SPECS } from '../../generator/index.ts';
import { isProcessAlive, type Sandbox } from '../../runtime/index.ts';
import type { SandboxService } from '../../sandboxes/index.ts';
import type { SessionRecord, Store } from '../../store/index.ts';
import type { AppActivity } from './app-activity.ts';
import type { HealthMonitor } from './health-monitor.ts';

/** The cheap driver check (exit, OOM) runs at least this often, so exits are reported promptly. */
const MAX_TICK_MS = 5_000;
const MAX_APPS_PER_PASS = 20_000;
/** App types whose process keeps running, the only ones watched (static files and scripts are not). */
const SUPERVISED_TYPES = Object.entries(APP_TYPE_SPECS)
  .filter(([, spec]) => spec.health !== 'none')
  .map(([type]) => type);

export interface AppSupervisorDeps {
  store: Store;
  sandboxes: SandboxService;
  activity: AppActivity;
  monitor: HealthMonitor;
  config: SpawnConfig;
  logger: Logger;
  workerId: string;
}

/**
 * Watches the running api apps this worker owns: health checks (HealthMonitor) and pausing idle
 * apps (AppActivity). A worker owns the sessions whose pipeline it ran, and adopts those of a
 * worker process on this host that is gone. Each app is checked by one task at a time.
 */
export class AppSupervisor extends PeriodicTask {
  readonly #d: AppSupervisorDeps;
  readonly #busy = new Map<string, Promise<void>>();
  #lastProbeMs = 0;

  constructor(deps: AppSupervisorDeps) {
    const tickMs = Math.min(deps.config.sandbox.healthIntervalSeconds * 1000, MAX_TICK_MS);
    super(tickMs, (err: unknown) => deps.logger.error({ err }, 'app supervision pass failed'), { runAtStart: false });
    this.#d = deps;
  }

  override async stop(): Promise<void> {
    await super.stop();
    await Promise.all(this.#busy.values());
  }

  protected async pass(): Promise<void> {
    const { store, config } = this.#d;
    const now = Date.now();
    const probe = now - this.#lastProbeMs >= config.sandbox.healthIntervalSeconds * 1000;
    if (probe) this.#lastProbeMs = now;
    const seen = new Set<string>();
    // Only what keeps running is listed (servers), so a pass costs nothing per static app.
    for (const s of await store.sessions.listByStates(['running'], { limit: MAX_APPS_PER_PASS, appTypes: SUPERVISED_TYPES })) {
      if (!(await this.#owns(s))) continue;
      seen.add(s.id);
      // A paused app costs a pass nothing (no query, no probe): it is checked again once a request woke it.
      if (this.#busy.has(s.id) || (this.#d.activity.tracks(s.id) && !this.#d.activity.isAwake(s.id))) continue;
      const task = this.#supervise(s, probe)
        .catch((err: unknown) => this.#d.logger.warn({ err, sessionId: s.id }, 'app supervision failed'))
        .finally(() => this.#busy.delete(s.id));
      this.#busy.set(s.id, task);
    }
    this.#d.activity.retain(seen);
    this.#d.monitor.retain(seen);
  }

  async #supervise(s: SessionRecord, probe: boolean): Promise<void> {
    const { store, sandboxes, activity, monitor, config } = this.#d;
    const record = await store.sandboxes.getLiveBySession(s.id);
    if (record && record.driver !== sandboxes.name) return;
    const sandbox: Sandbox | null = record ? { id: record.id, sessionId: s.id, driver: record.driver } : null;
    if (sandbox) await activity.track(s.id, sandbox);
    // A paused app is not unhealthy: it is checked again once a request has woken it.
    if (!activity.isAwake(s.id)) return;
    const healthy = await activity.whileHeld(s.id, () => monitor.check(s, record, probe));
    if (healthy && sandbox && this.#scaleToZero()) await activity.pauseIfIdle(s.id, sandbox, config.sandbox.idlePauseSeconds * 1000);
  }

  /** Idle apps are paused only where their requests are seen: a node whose app proxy reports here. */
  #scaleToZero(): boolean {
    const { config, sandboxes, activity } = this.#d;
    return config.sandbox.idlePauseSeconds > 0 && sandboxes.canPause && activity.proxied;
  }

  async #owns(s: SessionRecord): Promise<boolean> {
    if (s.workerId === this.#d.workerId) return true;
    const [host, pid] = (s.workerId ?? '').split(':');
    if (s.workerId !== null && (host !== hostname() || isProcessAlive(Number(pid)))) return false;
    await this.#d.store.sessions.update(s.id, { workerId: this.#d.workerId });
    this.#d.logger.info({ sessionId: s.id, previous: s.workerId }, 'adopted a running app whose worker is gone');
    return true;
  }
}
