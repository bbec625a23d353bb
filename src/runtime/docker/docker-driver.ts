import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import Docker from 'dockerode';
import { SpawnError } from '../../errors/index.ts';
import type { Logger } from '../../log/index.ts';
import type {
  AppFile,
  DriverCapabilities,
  ExecOptions,
  ExecResult,
  HealthStatus,
  LogListener,
  Sandbox,
  SandboxDriver,
  SandboxInfo,
  SandboxSpec,
  StartOptions,
} from '../sandbox-driver.ts';
import type { SandboxEndpoint } from '../sandbox-endpoint.ts';
import { limitLogListener } from '../log-budget.ts';
import { launchMessage, readyWithin, startThroughLauncher, type LauncherHandle } from '../launcher/launcher-client.ts';
import { appArchive, checkAppPath } from './app-archive.ts';
import { APP_DIR, APP_PORT, LABEL, installationId } from './container-spec.ts';
import { API_TIMEOUT_MS, listManaged, removeContainer, sessionOf } from './container-ops.ts';
import { execQuiet, openExec, runExec } from './docker-exec.ts';
import { LineWriter, withTimeout } from './exec-streams.ts';
import { HostFirewall } from './host-firewall.ts';
import { SandboxContainers, type SandboxState } from './sandbox-containers.ts';
import { serverHealth } from './server-health.ts';
import type { PoolOptions } from '../pool-options.ts';
import type { PoolStats } from '../warm-pool.ts';
import type { StartGateStats } from './start-gate.ts';
import type { PoolShape } from './warm-pool.ts';

export interface DockerDriverOptions {
  /** Names the installation: sandboxes are labelled with it and list() returns only those. */
  dataDir: string;
  logger: Logger;
  /** Idle containers kept per tier and network mode (default 2; 0 disables the pool), grown by demand up to `max`. */
  pool?: PoolOptions & { tiers?: PoolShape[] };
  /** An existing image to use instead of building/verifying spawnai-runtime. */
  image?: string;
  socketPath?: string;
  /** Container starts running at once on this node (default: the core count, at least 2). */
  coldStartLimit?: number;
  /**
   * Run the app launcher as each container's main process (token on its stdin, files through it:
   * claim → 200 ≈ 0.07× a plain `docker run`). On by default; `false` starts apps through
   * `docker exec` as before the launcher (kept for comparison in tests and benchmarks).
   */
  launcher?: boolean;
}

const PING_TIMEOUT_MS = 2_000;
/** A cold-started container's launcher may take this long to listen on a loaded host. */
const LAUNCHER_CONNECT_MS = 30_000;

/** Runs each sandbox as a locked-down container on an isolated bridge network (see README). */
export class DockerDriver implements SandboxDriver {
  readonly name = 'docker';
  readonly capabilities: DriverCapabilities = {
    isolation: 'container',
    supportsPause: true,
    supportsWarmPool: true,
    containsOutbound: true,
  };
  readonly #docker: Docker;
  readonly #logger: Logger;
  readonly #owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  readonly #firewall = new HostFirewall(this.#owner);
  // Several installations (or test servers) may share one Engine; each reaps only its own.
  readonly #installation: string;
  readonly #containers: SandboxContainers;
  #ready: Promise<void> | undefined;

  constructor(private readonly options: DockerDriverOptions) {
    this.#docker = new Docker(options.socketPath ? { socketPath: options.socketPath } : undefined);
    this.#installation = installationId(options.dataDir);
    this.#logger = options.logger.child({ driver: 'docker' });
    this.#containers = new SandboxContainers(
      this.#docker,
      this.#logger,
      this.#firewall,
      this.#owner,
      { size: options.pool?.size ?? 2, max: options.pool?.max, minFreeMemoryMb: options.pool?.minFreeMemoryMb },
      this.#installation,
      options.coldStartLimit,
      options.launcher ?? true,
    );
  }

  init(): Promise<void> {
    this.#ready ??= this.#containers.init(this.options.image, this.options.pool?.tiers ?? []);
    return this.#ready;
  }

  /** Resolves when the warm pool has finished refilling (tests, benchmarks). */
  poolIdle(): Promise<void> {
    return this.#containers.pool.idle();
  }

  create(spec: SandboxSpec): Promise<Sandbox> {
    return this.#containers.create(spec);
  }

  async writeFiles(sandbox: Sandbox, files: AppFile[]): Promise<void> {
    const state = await this.#containers.state(sandbox.id);
    if (state.launcher && !state.launched && state.fresh) return this.#writeThroughLauncher(sandbox, state, files);
    const archive = appArchive(files);
    if (!state.fresh) {
      const cleared = await execQuiet(this.#docker, state.container, ['find', APP_DIR, '-mindepth', '1', '-delete']);
      if (cleared.code !== 0)
        throw new SpawnError('DEPLOY_FAILED', `could not clear ${APP_DIR} in sandbox ${sandbox.id}`);
    }
    state.fresh = false;
    await withTimeout(state.container.putArchive(archive, { path: APP_DIR }), API_TIMEOUT_MS, 'docker put archive');
  }

  async startServer(sandbox: Sandbox, options: StartOptions, onLog?: LogListener): Promise<SandboxEndpoint> {
    const state = await this.#containers.state(sandbox.id);
    if (state.launcher && !state.launched) return this.#startThroughLauncher(sandbox, state, options, onLog);
    // `sh -c 'exec "$@"' spawnai-server …` marks the exec so health() can find it after a restart.
    const { exec, stream } = await openExec(
      state.container,
      ['sh', '-c', 'exec "$@"', 'spawnai-server', ...options.command],
      options.env,
    );
    const log = onLog ? limitLogListener(onLog) : undefined;
    const toLog = (name: 'stdout' | 'stderr'): LineWriter => new LineWriter((line) => log?.(name, line));
    this.#docker.modem.demuxStream(stream, toLog('stdout'), toLog('stderr'));
    stream.on('error', (err: Error) => this.#logger.debug({ err, sandbox: sandbox.id }, 'server output stream closed'));
    state.serverExec = exec;
    return { kind: 'tcp', host: state.address, port: APP_PORT };
  }

  /**
   * A fresh launcher container's files go to its launcher (it writes them as the sandbox user
   * before any app code runs): tens of milliseconds, where the Engine's archive API took 0.8–6 s
   * on a loaded two-core host.
   */
  async #writeThroughLauncher(sandbox: Sandbox, state: SandboxState, files: AppFile[]): Promise<void> {
    for (const file of files) checkAppPath(file.path);
    state.fresh = false;
    const sent = await startThroughLauncher(state.launcher as LauncherHandle, { mode: 'files', root: APP_DIR, files }, LAUNCHER_CONNECT_MS).catch((err: unknown) => {
      throw new SpawnError('DEPLOY_FAILED', (err as Error).message, { cause: err });
    });
    if ((await sent.outcome) !== 'written') throw new SpawnError('DEPLOY_FAILED', `the app launcher of sandbox ${sandbox.id} did not write its files`);
  }

  /** The container's launcher runs the app in its main process; its output is the container's. */
  async #startThroughLauncher(sandbox: Sandbox, state: SandboxState, options: StartOptions, onLog?: LogListener): Promise<SandboxEndpoint> {
    const launcher = state.launcher as LauncherHandle;
    const stream = (await withTimeout(state.container.attach({ stream: true, stdout: true, stderr: true }), API_TIMEOUT_MS, 'docker attach')) as NodeJS.ReadWriteStream;
    const log = onLog ? limitLogListener(onLog) : undefined;
    this.#docker.modem.demuxStream(stream, new LineWriter((line) => log?.('stdout', line)), new LineWriter((line) => log?.('stderr', line)));
    stream.on('error', (err: Error) => this.#logger.debug({ err, sandbox: sandbox.id }, 'server output stream closed'));
    state.launched = true;
    const { outcome } = await startThroughLauncher(launcher, launchMessage(options.command, APP_DIR, options.env), LAUNCHER_CONNECT_MS).catch((err: unknown) => {
      throw new SpawnError('APP_START_FAILED', (err as Error).message, { cause: err });
    });
    state.outcome = outcome;
    return { kind: 'tcp', host: state.address, port: APP_PORT };
  }

  /** `ready` when the launcher saw the app listen on its port; `unknown` (poll) otherwise. */
  async waitReady(sandbox: Sandbox, timeoutMs: number): Promise<'ready' | 'unknown'> {
    const state = await this.#containers.state(sandbox.id).catch(() => null);
    const outcome = state?.outcome;
    if (!state || !outcome) return 'unknown';
    state.outcome = undefined;
    // Whatever the answer, this session's app is no longer starting: pool refills may go.
    void outcome.finally(() => state.settled?.());
    return readyWithin(outcome, timeoutMs);
  }

  /** The cap on container starts at once and the most seen running together (tests, metrics). */
  startStats(): StartGateStats {
    return this.#containers.gate.stats();
  }

  poolStats(): PoolStats {
    return this.#containers.pool.stats();
  }

  async exec(sandbox: Sandbox, options: ExecOptions): Promise<ExecResult> {
    const state = await this.#containers.state(sandbox.id);
    return runExec(this.#docker, state.container, options);
  }

  async health(sandbox: Sandbox): Promise<HealthStatus> {
    let state: SandboxState;
    try {
      state = await this.#containers.state(sandbox.id);
    } catch {
      return { ok: false, reason: 'sandbox is gone' };
    }
    return serverHealth(this.#docker, state);
  }

  async pause(sandbox: Sandbox): Promise<void> {
    const state = await this.#containers.state(sandbox.id);
    await withTimeout(state.container.pause(), API_TIMEOUT_MS, 'docker pause');
  }

  async resume(sandbox: Sandbox): Promise<void> {
    const state = await this.#containers.state(sandbox.id);
    await withTimeout(state.container.unpause(), API_TIMEOUT_MS, 'docker unpause');
  }

  destroy(sandboxId: string): Promise<boolean> {
    this.#containers.forget(sandboxId);
    return removeContainer(this.#docker, sandboxId);
  }

  async list(): Promise<SandboxInfo[]> {
    const infos: SandboxInfo[] = [];
    for (const info of await listManaged(this.#docker)) {
      const sessionId = sessionOf(info.Labels, info.Names);
      if (!sessionId) continue;
      // Unlabelled containers predate installation labels: still listed, as before.
      const installation = info.Labels[LABEL.installation];
      if (installation !== undefined && installation !== this.#installation) continue;
      infos.push({
        id: info.Id,
        sessionId,
        labels: { ...info.Labels, sessionId },
        createdAt: new Date(info.Created * 1000),
      });
    }
    return infos;
  }

  async sweepStale(): Promise<number> {
    await this.init();
    const swept = await this.#containers.sweepStale();
    return swept.poolContainers + swept.firewallRules;
  }

  close(): Promise<void> {
    return this.#containers.close();
  }
}

export function createDockerDriver(options: DockerDriverOptions): DockerDriver {
  return new DockerDriver(options);
}

/** Does a Docker Engine answer on the socket (within two seconds)? */
export async function isDockerAvailable(socketPath?: string): Promise<boolean> {
  try {
    await withTimeout(new Docker(socketPath ? { socketPath } : undefined).ping(), PING_TIMEOUT_MS, 'docker ping');
    return true;
  } catch {
    return false;
  }
}
