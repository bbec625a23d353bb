import { hostname } from 'node:os';
import { isSessionId } from '../api-types.ts';
import type { SpawnConfig } from '../config/index.ts';
import type { Logger } from '../log/index.ts';
import { assertHostMemoryFloor, isProcessAlive, type AppFile, type ExecOptions, type ExecResult, type LogListener, type Sandbox, type SandboxDriver, type SandboxEndpoint } from '../runtime/index.ts';
import type { SessionRecord, Store } from '../store/index.ts';
import { waitUntilAnswering } from './app-probe.ts';

/** Limits and network of a tier's sandboxes (also the warm pool's shape for that tier). */
export function sandboxShape(config: SpawnConfig, tierName: string): { tier: string; memoryMb: number; cpus: number; pids: number; network: 'none' | 'outbound' } {
  const tier = config.pricing.tiers[tierName];
  return {
    tier: tierName,
    memoryMb: Math.min(tier?.memoryMb ?? config.sandbox.memoryMb, config.sandbox.memoryMb),
    cpus: Math.min(tier?.cpus ?? config.sandbox.cpus, config.sandbox.cpus),
    pids: config.sandbox.pids,
    network: config.sandbox.network,
  };
}

/**
 * The one wrapper around the chosen driver: records every sandbox in the store before it can
 * leak, destroys once, and reaps what no live session owns. Drivers stay free of bookkeeping.
 */
/** A sandbox with no store record this long after its creation has lost its creator. */
const UNRECORDED_ORPHAN_MS = 120_000;

export class SandboxManager {
  readonly driver: SandboxDriver;
  readonly #store: Store;
  readonly #config: SpawnConfig;
  readonly #logger: Logger;

  constructor(driver: SandboxDriver, store: Store, config: SpawnConfig, logger: Logger) {
    this.driver = driver;
    this.#store = store;
    this.#config = config;
    this.#logger = logger;
  }

  /**
   * `recordCreatedAt` back-dates the record so it does not become the session's live sandbox (the
   * newest one not destroyed) before it answers: an edit starts its replacement beside the old one.
   */
  async create(session: SessionRecord, kind: 'server' | 'script', options: { recordCreatedAt?: Date } = {}): Promise<Sandbox> {
    assertHostMemoryFloor(this.#config.sandbox.minFreeMemoryMb);
    const sandbox = await this.driver.create({
      sessionId: session.id,
      kind,
      ...sandboxShape(this.#config, session.tier),
      expiresAt: session.expiresAt,
    });
    await this.#store.sandboxes.upsert({ id: sandbox.id, sessionId: session.id, driver: this.driver.name, state: 'ready', endpoint: null, createdAt: options.recordCreatedAt });
    return sandbox;
  }

  /** Writes the files, starts the server and waits until it answers; returns null or the failure reason. */
  async startApp(sandbox: Sandbox, files: AppFile[], command: string[], onLog: LogListener, signal?: AbortSignal): Promise<{ endpoint: SandboxEndpoint } | { error: string }> {
    await this.driver.writeFiles(sandbox, files);
    const endpoint = await this.driver.startServer(sandbox, { command }, onLog);
    const deadlineMs = this.#config.sandbox.appStartTimeoutSeconds * 1000;
    const failure = await waitUntilAnswering(endpoint, deadlineMs, () => this.driver.health(sandbox), signal);
    if (failure) return { error: failure };
    // With an app gateway, API nodes on other hosts reach the app through it (see WorkerGateway).
    const recorded = { ...endpoint, ...(this.#config.gateway ? { gateway: this.#config.gateway.url } : {}) };
    await this.#store.sandboxes.upsert({ id: sandbox.id, sessionId: sandbox.sessionId, driver: this.driver.name, state: 'running', endpoint: recorded });
    return { endpoint };
  }

  async runScript(sandbox: Sandbox, files: AppFile[], options: ExecOptions): Promise<ExecResult> {
    await this.driver.writeFiles(sandbox, files);
    return this.driver.exec(sandbox, options);
  }

  async destroy(sandboxId: string): Promise<boolean> {
    try {
      return await this.driver.destroy(sandboxId);
    } finally {
      await this.#store.sandboxes.markDestroyed(sandboxId);
    }
  }

  /**
   * Destroys every sandbox of the session this host has — the one on record and any whose
   * creator died before recording it — before a re-drive starts the session over.
   */
  async destroyAllForSession(sessionId: string): Promise<void> {
    await this.destroyForSession(sessionId);
    for (const info of await this.driver.list()) {
      if (info.sessionId === sessionId) await this.destroy(info.id);
    }
  }

  /** Destroys the session's live sandbox, if it has one on record. */
  async destroyForSession(sessionId: string): Promise<boolean> {
    const record = await this.#store.sandboxes.getLiveBySession(sessionId);
    return record ? this.destroy(record.id) : false;
  }

  /**
   * Destroys every sandbox (on record, or found by the driver's labels) whose session is not
   * live — even ones the database forgot, e.g. after a restore from an older backup.
   */
  async #unrecordedFor(sandboxId: string, sessionId: string, createdAt: Date, ms: number): Promise<boolean> {
    // Only sessions' sandboxes are recorded; function runtimes (`fn-…`) keep their own registry.
    if (!isSessionId(sessionId)) return false;
    return Date.now() - createdAt.getTime() > ms && (await this.#store.sandboxes.get(sandboxId)) === null;
  }

  async reap(isLive: (sessionId: string) => Promise<boolean>): Promise<number> {
    // A SIGKILLed worker's idle pool and firewall rules go now, not when a worker next starts.
    const swept = await this.driver.sweepStale?.().catch((err: unknown) => this.#logger.warn({ err }, 'sweeping stale sandbox leftovers failed'));
    if (swept) this.#logger.info({ removed: swept }, 'removed leftovers of dead sandbox driver instances');
    let reaped = 0;
    const seen = new Set<string>();
    for (const info of await this.driver.list()) {
      seen.add(info.id);
      // One engine may serve several installations (or a benchmark): a sandbox made by a driver
      // in another live process of this host is that process's to reap; once it dies, ours.
      if (ownedByAnotherLiveProcess(info.labels)) continue;
      // A live session's sandbox is kept — unless nothing ever recorded it: its creator died
      // between `driver.create()` and the store write (recorded within ms, so minutes is proof).
      if ((await isLive(info.sessionId)) && !(await this.#unrecordedFor(info.id, info.sessionId, info.createdAt, UNRECORDED_ORPHAN_MS))) continue;
      this.#logger.info({ sandboxId: info.id, sessionId: info.sessionId }, 'reaping orphaned sandbox');
      if (await this.destroy(info.id).catch((err: unknown) => this.#logger.warn({ err }, 'reap failed'))) reaped++;
    }
    for (const record of await this.#store.sandboxes.listLive()) {
      // Sandboxes of other drivers/hosts are theirs to reap; ours that vanished are just marked.
      if (record.driver !== this.driver.name || seen.has(record.id)) continue;
      if (!(await isLive(record.sessionId))) await this.#store.sandboxes.markDestroyed(record.id);
    }
    return reaped;
  }
}

/** Drivers that share a host-wide engine label sandboxes `spawnai.owner: <host>:<pid>:<id>`. */
function ownedByAnotherLiveProcess(labels: Record<string, string>): boolean {
  const [host, pidText] = (labels['spawnai.owner'] ?? '').split(':');
  const pid = Number(pidText);
  return host === hostname() && pid !== process.pid && isProcessAlive(pid);
}
