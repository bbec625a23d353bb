import type { SpawnConfig } from '../config/index.ts';
import type { Logger } from '../log/index.ts';
import {
  assertHostMemoryFloor,
  type AppFile,
  type DriverCapabilities,
  type ExecOptions,
  type ExecResult,
  type HealthStatus,
  type LogListener,
  type PoolStats,
  type Sandbox,
  type SandboxDriver,
  type SandboxEndpoint,
  type SandboxInfo,
  type SandboxSpec,
  type StartOptions,
} from '../runtime/index.ts';
import type { SessionRecord, Store } from '../store/index.ts';
import { waitUntilAnswering } from './app-probe.ts';
import { recordEndpoint } from './endpoint-record.ts';
import { reapOrphans } from './sandbox-reaper.ts';
import { sandboxShape } from './sandbox-shape.ts';

/**
 * The one owner of the chosen driver, for sessions and functions alike: records every sandbox in
 * the store before it can leak, destroys once, and reaps what no live session owns. Drivers stay
 * free of bookkeeping; nothing else holds a driver.
 */
export class SandboxService {
  readonly #driver: SandboxDriver;
  readonly #store: Store;
  readonly #config: SpawnConfig;
  readonly #logger: Logger;

  constructor(driver: SandboxDriver, store: Store, config: SpawnConfig, logger: Logger) {
    this.#driver = driver;
    this.#store = store;
    this.#config = config;
    this.#logger = logger;
  }

  get name(): string {
    return this.#driver.name;
  }

  get capabilities(): DriverCapabilities {
    return this.#driver.capabilities;
  }

  /** Whether idle apps can be paused and resumed on this runtime (scale-to-zero). */
  get canPause(): boolean {
    return this.#driver.capabilities.supportsPause && !!this.#driver.pause && !!this.#driver.resume;
  }

  /**
   * Creates a sandbox and records it (`state`) right away, so the reaper can tell it from an
   * orphan. `createdAt` back-dates the record, e.g. so an edit's replacement server does not become
   * the session's live sandbox (the newest one not destroyed) before it answers.
   */
  async create(spec: SandboxSpec, record: { state: 'ready' | 'running'; createdAt?: Date | undefined } = { state: 'ready' }): Promise<Sandbox> {
    assertHostMemoryFloor(this.#config.sandbox.minFreeMemoryMb);
    const sandbox = await this.#driver.create(spec);
    await this.#store.sandboxes.upsert({ id: sandbox.id, sessionId: spec.sessionId, driver: this.#driver.name, state: record.state, endpoint: null, createdAt: record.createdAt });
    return sandbox;
  }

  /** A sandbox shaped by the session's tier, to run its app (`server`) or its script. */
  createForSession(session: SessionRecord, kind: 'server' | 'script', options: { recordCreatedAt?: Date } = {}): Promise<Sandbox> {
    return this.create({ sessionId: session.id, kind, ...sandboxShape(this.#config, session.tier), expiresAt: session.expiresAt }, { state: 'ready', createdAt: options.recordCreatedAt });
  }

  /** Writes the files, starts the server and waits until it answers; records where it is reached. */
  async startApp(sandbox: Sandbox, files: AppFile[], command: string[], onLog: LogListener, signal?: AbortSignal): Promise<{ endpoint: SandboxEndpoint } | { error: string }> {
    const endpoint = await this.startProcess(sandbox, files, { command }, onLog);
    const deadlineMs = this.#config.sandbox.appStartTimeoutSeconds * 1000;
    const startedMs = Date.now();
    // Told by the sandbox's launcher that the app listens: no polling. Otherwise poll what is left.
    const ready = (await this.#driver.waitReady?.(sandbox, deadlineMs)) === 'ready';
    if (!ready) {
      const failure = await waitUntilAnswering(endpoint, Math.max(deadlineMs - (Date.now() - startedMs), 1000), () => this.health(sandbox), signal);
      if (failure) return { error: failure };
    }
    await this.sealEndpoint(sandbox);
    // With an app gateway, API nodes on other hosts reach the app through it (see WorkerGateway).
    const recorded = recordEndpoint(endpoint, this.#config.gateway?.url);
    await this.#store.sandboxes.upsert({ id: sandbox.id, sessionId: sandbox.sessionId, driver: this.#driver.name, state: 'running', endpoint: recorded });
    return { endpoint };
  }

  /** Once the server answers: the app can no longer change how the proxy reaches it (see the driver). */
  async sealEndpoint(sandbox: Sandbox): Promise<void> {
    await this.#driver.sealEndpoint?.(sandbox);
  }

  /** Writes the files and starts the long-running process; the caller decides when it is ready. */
  async startProcess(sandbox: Sandbox, files: AppFile[], start: StartOptions, onLog?: LogListener): Promise<SandboxEndpoint> {
    await this.#driver.writeFiles(sandbox, files);
    return this.#driver.startServer(sandbox, start, onLog);
  }

  async runScript(sandbox: Sandbox, files: AppFile[], options: ExecOptions): Promise<ExecResult> {
    await this.#driver.writeFiles(sandbox, files);
    return this.#driver.exec(sandbox, options);
  }

  /** Is its process alive? A driver that cannot tell counts as a failed check, never a throw. */
  health(sandbox: Sandbox): Promise<HealthStatus> {
    return this.#driver.health(sandbox).catch((err: unknown) => ({ ok: false, reason: `health check failed: ${(err as Error).message}` }));
  }

  async pause(sandbox: Sandbox): Promise<void> {
    await this.#driver.pause?.(sandbox);
  }

  async resume(sandbox: Sandbox): Promise<void> {
    await this.#driver.resume?.(sandbox);
  }

  async destroy(sandboxId: string): Promise<boolean> {
    try {
      return await this.#driver.destroy(sandboxId);
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
    for (const info of await this.#driver.list()) {
      if (info.sessionId === sessionId) await this.destroy(info.id);
    }
  }

  /** Destroys the session's live sandbox, if it has one on record. */
  async destroyForSession(sessionId: string): Promise<boolean> {
    const record = await this.#store.sandboxes.getLiveBySession(sessionId);
    return record ? this.destroy(record.id) : false;
  }

  /** Every sandbox the driver manages on this host, with its labels. */
  list(): Promise<SandboxInfo[]> {
    return this.#driver.list();
  }

  /** Destroys sandboxes whose session is not live (see reapOrphans); returns how many. */
  reap(isLive: (sessionId: string) => Promise<boolean>): Promise<number> {
    return reapOrphans({ driver: this.#driver, store: this.#store, logger: this.#logger, destroy: (id) => this.destroy(id) }, isLive);
  }

  /** The warm pool's sizes and claims (metrics); null when the driver has none. */
  poolStats(): PoolStats | null {
    return this.#driver.poolStats?.() ?? null;
  }

  /** Stops the driver's background work (pools); session sandboxes stay. */
  close(): Promise<void> {
    return this.#driver.close();
  }
}
