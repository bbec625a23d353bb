import type { SpawnConfig } from '../config/index.ts';
import { assertHostMemoryFloor, type Sandbox, type SandboxDriver } from '../runtime/index.ts';
import type { Store } from '../store/index.ts';

/** The slice of the orchestrator's SandboxManager functions need (kept structural: no import cycle). */
export interface SandboxDestroyer {
  readonly driver: SandboxDriver;
  destroy(sandboxId: string): Promise<boolean>;
}

const SANDBOX_LABEL_TTL_MS = 24 * 3600_000;

/**
 * Creates function sandboxes on the configured driver with the platform's limits — never any
 * network, whatever SPAWN_SANDBOX_NETWORK says — and records them like session sandboxes.
 */
export class SandboxHost {
  readonly driver: SandboxDriver;
  readonly #manager: SandboxDestroyer;
  readonly #store: Store;
  readonly #config: SpawnConfig;

  constructor(manager: SandboxDestroyer, store: Store, config: SpawnConfig) {
    this.#manager = manager;
    this.driver = manager.driver;
    this.#store = store;
    this.#config = config;
  }

  /**
   * Where the runner listens inside its sandbox. A container is reached on its own address, so it
   * listens on every interface; a process sandbox (own loopback behind the socket forwarder, or the
   * host's loopback without bubblewrap) is reached on 127.0.0.1 and must not listen wider.
   */
  get bindHost(): string {
    return this.driver.capabilities.isolation === 'container' ? '0.0.0.0' : '127.0.0.1';
  }

  async create(spec: { sessionId: string; memoryMb: number; labels: Record<string, string> }): Promise<Sandbox> {
    assertHostMemoryFloor(this.#config.sandbox.minFreeMemoryMb);
    const sandbox = await this.driver.create({
      sessionId: spec.sessionId,
      kind: 'server',
      tier: this.#config.defaultTier,
      memoryMb: spec.memoryMb,
      cpus: this.#config.sandbox.cpus,
      pids: this.#config.sandbox.pids,
      network: 'none',
      // Only a label: warm runtimes are destroyed by the pool, or by the reaper once unclaimed.
      expiresAt: new Date(Date.now() + SANDBOX_LABEL_TTL_MS),
      labels: spec.labels,
    });
    await this.#store.sandboxes.upsert({ id: sandbox.id, sessionId: spec.sessionId, driver: this.driver.name, state: 'running', endpoint: null });
    return sandbox;
  }

  destroy(sandboxId: string): Promise<boolean> {
    return this.#manager.destroy(sandboxId);
  }
}
