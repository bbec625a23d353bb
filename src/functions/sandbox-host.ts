import type { SpawnConfig } from '../config/index.ts';
import type { AppFile, HealthStatus, LogListener, ReadOnlyMount, Sandbox, SandboxEndpoint, StartOptions } from '../runtime/index.ts';
import type { SandboxService } from '../sandboxes/index.ts';

/** Only a label: warm runtimes are destroyed by the pool, or by the reaper once unclaimed. */
const SANDBOX_LABEL_TTL_MS = 24 * 3600_000; // 24 h

/**
 * Function sandboxes on the node's sandbox service, with the platform's limits — never any
 * network, whatever SPAWN_SANDBOX_NETWORK says — and recorded like session sandboxes.
 */
export class SandboxHost {
  readonly #sandboxes: SandboxService;
  readonly #config: SpawnConfig;

  constructor(sandboxes: SandboxService, config: SpawnConfig) {
    this.#sandboxes = sandboxes;
    this.#config = config;
  }

  /**
   * Where the runner listens inside its sandbox. A container is reached on its own address, so it
   * listens on every interface; a process sandbox (own loopback behind the socket forwarder, or the
   * host's loopback without bubblewrap) is reached on 127.0.0.1 and must not listen wider.
   */
  get bindHost(): string {
    return this.#sandboxes.capabilities.isolation === 'container' ? '0.0.0.0' : '127.0.0.1';
  }

  /** Sandboxes are containers with their own image (layers are built for its interpreter). */
  get inContainer(): boolean {
    return this.#sandboxes.capabilities.isolation === 'container';
  }

  /** Without isolation the sandbox sees the host's filesystem: mounts are used where they are. */
  get sharesHostFs(): boolean {
    return this.#sandboxes.capabilities.isolation === 'none';
  }

  /**
   * Python in the sandbox: the image's `python3` in a container; on the host, the configured one
   * (SPAWN_FUNCTION_PYTHON, /usr/bin/python3 by default: Debian's, with the scientific stack).
   */
  get python(): string {
    return this.inContainer ? 'python3' : this.#config.requirements.python;
  }

  create(spec: { sessionId: string; memoryMb: number; labels: Record<string, string>; readOnlyMounts?: ReadOnlyMount[] }): Promise<Sandbox> {
    const { defaultTier, sandbox } = this.#config;
    const mounts = spec.readOnlyMounts?.length ? { readOnlyMounts: spec.readOnlyMounts } : {};
    return this.#sandboxes.create(
      { sessionId: spec.sessionId, kind: 'server', tier: defaultTier, memoryMb: spec.memoryMb, cpus: sandbox.cpus, pids: sandbox.pids, network: 'none', expiresAt: new Date(Date.now() + SANDBOX_LABEL_TTL_MS), labels: spec.labels, ...mounts },
      { state: 'running' },
    );
  }

  /** Starts the runner; the caller waits for its authenticated /health answer. */
  start(sandbox: Sandbox, files: AppFile[], start: StartOptions, onLog: LogListener): Promise<SandboxEndpoint> {
    return this.#sandboxes.startProcess(sandbox, files, start, onLog);
  }

  /** Once the runner answers: its endpoint can no longer be swapped from inside. */
  seal(sandbox: Sandbox): Promise<void> {
    return this.#sandboxes.sealEndpoint(sandbox);
  }

  health(sandbox: Sandbox): Promise<HealthStatus> {
    return this.#sandboxes.health(sandbox);
  }

  destroy(sandboxId: string): Promise<boolean> {
    return this.#sandboxes.destroy(sandboxId);
  }
}
