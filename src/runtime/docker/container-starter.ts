import { randomUUID } from 'node:crypto';
import net from 'node:net';
import type Docker from 'dockerode';
import { SpawnError } from '../../errors/index.ts';
import { newLauncherToken, type LaunchOutcome, type LauncherHandle } from '../launcher/launcher-client.ts';
import type { SandboxSpec } from '../sandbox-driver.ts';
import { API_TIMEOUT_MS, removeContainer, sessionContainerName } from './container-ops.ts';
import { LAUNCHER_CONTROL_PORT, POOL_NAME_PREFIX, buildContainerOptions, resourceLimits, type ContainerSpecInput } from './container-spec.ts';
import { SANDBOX_NETWORKS, containerAddress, type SandboxNetwork } from './docker-network.ts';
import { withTimeout } from './exec-streams.ts';
import type { PoolShape } from './warm-pool.ts';

export interface SandboxState {
  container: Docker.Container;
  address: string;
  /** Nothing was written to /app yet, so writeFiles need not clear it. */
  fresh: boolean;
  serverExec?: Docker.Exec;
  /** Its app launcher, until it has been told to start the app (then the exec path serves restarts). */
  launcher?: LauncherHandle;
  /** The launcher started the app: the container's main process is the app's. */
  launched?: boolean;
  outcome?: Promise<LaunchOutcome>;
}

export interface StartedSandbox {
  id: string;
  state: SandboxState;
}

/** Makes sandbox containers three ways: an idle pool container, a claim of one, a cold start. */
export class ContainerStarter {
  /** Set once the runtime image is known (driver init). */
  image = '';
  /** Launcher tokens of the idle pool containers this instance made. */
  readonly #tokens = new Map<string, string>();

  constructor(
    private readonly docker: Docker,
    private readonly owner: string,
    private readonly installation: string,
  ) {}

  /** Turns an idle pool container into this session's: its name, then the spec's limits. */
  async claim(id: string, spec: SandboxSpec, network: SandboxNetwork): Promise<StartedSandbox> {
    const container = this.docker.getContainer(id);
    const name = sessionContainerName(spec.sessionId);
    if (!name) throw new Error(`session id ${JSON.stringify(spec.sessionId)} cannot name a container`);
    await withTimeout(container.rename({ name }), API_TIMEOUT_MS, 'docker rename');
    const info = await withTimeout(container.inspect(), API_TIMEOUT_MS, 'docker inspect');
    if (!info.State.Running) throw new Error(`pool container ${id} is ${info.State.Status}`);
    const token = this.#tokens.get(id);
    this.#tokens.delete(id);
    const limits = resourceLimits(spec);
    if (
      info.HostConfig.Memory !== limits.Memory ||
      info.HostConfig.NanoCpus !== limits.NanoCpus ||
      info.HostConfig.PidsLimit !== limits.PidsLimit
    ) {
      await withTimeout(container.update(limits), API_TIMEOUT_MS, 'docker update');
    }
    const address = containerAddress(info, network);
    return { id: info.Id, state: { container, address, fresh: true, ...(token ? { launcher: launcherAt(address, token) } : {}) } };
  }

  async coldStart(spec: SandboxSpec, network: SandboxNetwork): Promise<StartedSandbox> {
    const input: ContainerSpecInput = {
      ...this.#baseInput(spec, network),
      name: sessionContainerName(spec.sessionId) ?? '',
      role: 'session',
      sessionId: spec.sessionId,
      expiresAt: spec.expiresAt,
      labels: spec.labels,
      ...launcherInput(),
      readOnlyMounts: spec.readOnlyMounts,
    };
    try {
      return await this.#start(input, network);
    } catch (err) {
      throw new SpawnError(
        'PROVISIONING_FAILED',
        `could not start a sandbox container for session ${spec.sessionId}: ${(err as Error).message}`,
        { cause: err },
      );
    }
  }

  async startPoolContainer(shape: PoolShape): Promise<string> {
    const network = SANDBOX_NETWORKS[shape.network];
    const input = {
      ...this.#baseInput(shape, network),
      name: `${POOL_NAME_PREFIX}${randomUUID().slice(0, 12)}`,
      role: 'pool' as const,
      sessionId: '',
      ...launcherInput(),
    };
    const started = await this.#start(input, network);
    if (!input.launcherToken) return started.id;
    try {
      // Handed out only once its launcher listens (Node started): a claim then pays none of it.
      await waitUntilListening(started.state.address, LAUNCHER_CONTROL_PORT, POOL_LAUNCHER_DEADLINE_MS);
    } catch (err) {
      await removeContainer(this.docker, started.id).catch(() => undefined);
      throw err;
    }
    this.#tokens.set(started.id, input.launcherToken);
    return started.id;
  }

  /** Forgets the token of a pool container removed unclaimed. */
  forget(id: string): void {
    this.#tokens.delete(id);
  }

  #baseInput(shape: PoolShape | SandboxSpec, network: SandboxNetwork): Omit<ContainerSpecInput, 'name' | 'role' | 'sessionId'> {
    const { tier, memoryMb, cpus, pids } = shape;
    return {
      image: this.image,
      tier,
      memoryMb,
      cpus,
      pids,
      networkName: network.name,
      network: shape.network,
      owner: this.owner,
      installation: this.installation,
    };
  }

  async #start(input: ContainerSpecInput, network: SandboxNetwork): Promise<StartedSandbox> {
    const options = buildContainerOptions(input);
    if (!input.name) delete options.name;
    const container = await withTimeout(this.docker.createContainer(options), API_TIMEOUT_MS, 'docker create');
    try {
      await withTimeout(container.start(), API_TIMEOUT_MS, 'docker start');
      const info = await withTimeout(container.inspect(), API_TIMEOUT_MS, 'docker inspect');
      const address = containerAddress(info, network);
      const launcher = input.launcherToken ? launcherAt(address, input.launcherToken) : undefined;
      return { id: info.Id, state: { container, address, fresh: true, ...(launcher ? { launcher } : {}) } };
    } catch (err) {
      await removeContainer(this.docker, container.id).catch(() => undefined);
      throw err;
    }
  }
}

const POOL_LAUNCHER_DEADLINE_MS = 60_000;
/**
 * Off until the token stops reaching `docker exec` (execs inherit the container's Env, which the
 * isolation suite forbids): docker sandboxes start apps through an exec, as before.
 */
const DOCKER_LAUNCHER = false;

function launcherInput(): { launcherToken?: string } {
  return DOCKER_LAUNCHER ? { launcherToken: newLauncherToken() } : {};
}

function launcherAt(address: string, token: string): LauncherHandle {
  return { token, control: { host: address, port: LAUNCHER_CONTROL_PORT } };
}

/** Connects (and hangs up) until something listens on address:port; the launcher ignores such probes. */
async function waitUntilListening(host: string, port: number, deadlineMs: number): Promise<void> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, host);
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > until) throw new Error(`the pool container's launcher did not listen on ${host}:${port} within ${deadlineMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
