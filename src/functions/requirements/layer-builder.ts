import { randomBytes } from 'node:crypto';
import { execFile } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { FunctionRuntime } from '../../api-types.ts';
import type { SpawnConfig } from '../../config/index.ts';
import { SpawnError } from '../../errors/index.ts';
import type { Logger } from '../../log/index.ts';
import type { FunctionBuildRecord, FunctionVersionRecord, Store } from '../../store/index.ts';
import { buildKey, layerKey } from './build-key.ts';
import { hostPort, startEgressProxy } from './egress-proxy.ts';
import { dropPrefix } from './installer-process.ts';
import { probeInstallerSandbox, type InstallerSandbox } from './installer-sandbox.ts';
import { npmInstall, pipInstall, type InstallRequest, type Installed } from './installers.ts';
import { probeIdentity, type RuntimeIdentity } from './runtime-identity.ts';

const run = promisify(execFile);
const POLL_MS = 250;
/** The installer runs as this uid on root hosts (nobody): it can write its build directory only. */
const INSTALLER_UID = 65534;
const SUCCESS_LOG_BYTES = 4096;
const SETPRIV_TO_NOBODY = { setpriv: '/usr/bin/setpriv', uid: INSTALLER_UID };

export interface LayerBuilderDeps {
  store: Store;
  config: SpawnConfig;
  logger: Logger;
  workerId: string;
  /** The sandboxes are containers (docker): layers are built for the runtime image's interpreter. */
  inContainer: boolean;
}

/**
 * Installs each requirement set once into a content-addressed layer under <data>/layers and says
 * where it is. The database row of a set (function_builds) is the build's state for every node;
 * a node that finds a set ready but its layer missing on its own disk installs it again locally.
 */
export class LayerBuilder {
  readonly dir: string;
  readonly #d: LayerBuilderDeps;
  readonly #inflight = new Map<string, Promise<string>>();
  readonly #identities = new Map<FunctionRuntime, Promise<RuntimeIdentity>>();
  #sandbox: Promise<InstallerSandbox | string> | undefined;

  constructor(deps: LayerBuilderDeps) {
    this.#d = deps;
    this.dir = join(deps.config.dataDir, 'layers');
  }

  /** Starts the build of a newly registered version in the background (errors land in its row). */
  prepare(fn: FunctionVersionRecord): void {
    if (!fn.requirements?.length) return;
    this.layerFor(fn).catch((err: unknown) => this.#d.logger.debug({ err, functionId: fn.functionId }, 'requirements build failed'));
  }

  /** The host directory of the version's layer (null without requirements), building it first if needed. */
  layerFor(fn: FunctionVersionRecord): Promise<string | null> {
    const requirements = fn.requirements ?? [];
    if (requirements.length === 0) return Promise.resolve(null);
    const key = buildKey(fn.runtime, indexFor(this.#d.config, fn.runtime), requirements);
    let pending = this.#inflight.get(key);
    if (!pending) {
      pending = this.#ensure(key, fn.runtime, requirements).finally(() => this.#inflight.delete(key));
      this.#inflight.set(key, pending);
    }
    return pending;
  }

  async #ensure(key: string, runtime: FunctionRuntime, requirements: string[]): Promise<string> {
    const { store, workerId, config } = this.#d;
    const buildMs = config.requirements.buildTimeoutSeconds * 1000;
    const until = Date.now() + 2 * buildMs + 60_000;
    await this.#sandboxOrRefuse();
    while (Date.now() < until) {
      const row = await store.functionBuilds.ensure(key, runtime, requirements);
      if (row.state === 'ready' && row.layer && existsSync(join(this.dir, row.layer))) return join(this.dir, row.layer);
      if (row.state === 'failed') throw buildFailed(row);
      if (row.state === 'ready') return this.#installedOrThrow(row, await this.#install(runtime, requirements));
      const claimed = await store.functionBuilds.claim(key, workerId, new Date(Date.now() - buildMs - 60_000));
      if (claimed) {
        const installed = await this.#install(runtime, requirements);
        const log = installed.ok ? installed.log.slice(-SUCCESS_LOG_BYTES) : installed.log;
        await store.functionBuilds.finish(key, workerId, { state: installed.ok ? 'ready' : 'failed', log, layer: installed.layer });
        return this.#installedOrThrow({ ...claimed, state: installed.ok ? 'ready' : 'failed', log }, installed);
      }
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
    throw new SpawnError('FUNCTION_BUILD_FAILED', `the requirements build ${key} did not finish in time`);
  }

  #installedOrThrow(row: FunctionBuildRecord, installed: Installed & { layer: string | null }): string {
    if (!installed.ok || !installed.layer) throw buildFailed({ ...row, log: installed.log });
    return join(this.dir, installed.layer);
  }

  async #install(runtime: FunctionRuntime, requirements: string[]): Promise<Installed & { layer: string | null }> {
    const { config } = this.#d;
    const identity = await this.#identity(runtime);
    await mkdir(this.dir, { recursive: true, mode: 0o755 });
    await chmod(this.dir, 0o755);
    const tmp = join(this.dir, `.build-${randomBytes(6).toString('hex')}`);
    await mkdir(tmp, { mode: 0o755 });
    const dropTo = await this.#dropTo(tmp);
    const box = await this.#sandboxOrRefuse();
    const egressDir = box ? await mkdtemp(join(tmpdir(), 'spawnai-egress-')) : null;
    try {
      const index = indexFor(config, runtime);
      const req: InstallRequest = { requirements, dir: tmp, index, timeoutMs: config.requirements.buildTimeoutSeconds * 1000, dropTo, sandbox: undefined };
      let installed: Installed;
      if (box && egressDir) {
        await chmod(egressDir, 0o755);
        const allowed = [hostPort(index), ...config.requirements.extraHosts];
        const proxy = await startEgressProxy(join(egressDir, 'proxy.sock'), allowed);
        try {
          installed = await this.#installWith(runtime, { ...req, sandbox: { box, egressDir } }, identity);
        } finally {
          await proxy.close();
        }
        const refused = proxy.refused();
        if (refused.length > 0) installed.log += `\n[sandbox] refused connections to ${refused.join(', ')}: the installer may reach only ${allowed.join(', ')}\n`;
      } else {
        installed = await this.#installWith(runtime, req, identity);
      }
      if (!installed.ok) return { ...installed, layer: null };
      // Back to root's before anything mounts it: no later sandbox uid may change a shared layer.
      if (dropTo) await run('chown', ['-R', '0:0', tmp]);
      const layer = layerKey(runtime, installed.resolved, identity.interpreter, identity.image);
      const final = join(this.dir, layer);
      // Another build of this node may have produced the same layer meanwhile: same content, keep theirs.
      if (!existsSync(final)) await rename(tmp, final).catch((err: unknown) => { if (!existsSync(final)) throw err; });
      return { ...installed, layer };
    } finally {
      await rm(tmp, { recursive: true, force: true });
      if (egressDir) await rm(egressDir, { recursive: true, force: true });
    }
  }

  #installWith(runtime: FunctionRuntime, req: InstallRequest, identity: RuntimeIdentity): Promise<Installed> {
    return runtime === 'python' ? pipInstall(this.#d.config.requirements.python, req, identity.pythonVersion) : npmInstall(req);
  }

  /**
   * The installer's sandbox (null: SPAWN_INSTALLER_SANDBOX=none). Without a working bubblewrap a
   * build is refused rather than run with the host's network; nothing is recorded in the build's
   * row, so the build runs once the host is fixed.
   */
  async #sandboxOrRefuse(): Promise<InstallerSandbox | null> {
    const { config } = this.#d;
    if (config.requirements.installerSandbox === 'none') return null;
    await mkdir(this.dir, { recursive: true, mode: 0o755 });
    this.#sandbox ??= probeInstallerSandbox(dropPrefix(this.#canDropRoot() ? SETPRIV_TO_NOBODY : undefined), config.requirements.python, config.requirements.bwrap ?? undefined);
    const box = await this.#sandbox;
    if (typeof box !== 'string') return box;
    throw new SpawnError(
      'FUNCTION_BUILD_FAILED',
      `requirements are installed in a bubblewrap sandbox that may reach only the package index, and ${box}: install bubblewrap (apt-get install bubblewrap), or set SPAWN_INSTALLER_SANDBOX=none to run pip and npm unconfined`,
    );
  }

  #canDropRoot(): boolean {
    return process.getuid?.() === 0 && existsSync('/usr/bin/setpriv') && reachableByOthers(join(this.dir, 'x'));
  }

  async #dropTo(tmp: string): Promise<{ setpriv: string; uid: number } | undefined> {
    // Where nobody cannot reach the data directory (a 0700 parent), the installer stays root: say so.
    if (process.getuid?.() !== 0 || !existsSync('/usr/bin/setpriv')) return undefined;
    if (!reachableByOthers(tmp)) {
      this.#d.logger.warn({ dir: this.dir }, 'layer builds run as root: a parent of the data directory is not world-traversable (chmod o+x)');
      return undefined;
    }
    await chown(tmp, INSTALLER_UID, INSTALLER_UID);
    return SETPRIV_TO_NOBODY;
  }

  #identity(runtime: FunctionRuntime): Promise<RuntimeIdentity> {
    let identity = this.#identities.get(runtime);
    if (!identity) {
      identity = probeIdentity(runtime, this.#d.inContainer, this.#d.config.requirements.python);
      identity.catch(() => this.#identities.delete(runtime));
      this.#identities.set(runtime, identity);
    }
    return identity;
  }
}

function reachableByOthers(path: string): boolean {
  for (let dir = dirname(path); dir !== dirname(dir); dir = dirname(dir)) if ((statSync(dir).mode & 0o001) === 0) return false;
  return true;
}

export function indexFor(config: SpawnConfig, runtime: FunctionRuntime): string {
  return runtime === 'python' ? config.requirements.pipIndexUrl : config.requirements.npmRegistry;
}

function buildFailed(row: Pick<FunctionBuildRecord, 'log' | 'requirements'>): SpawnError {
  const tail = row.log.trim().split('\n').slice(-15).join('\n');
  return new SpawnError('FUNCTION_BUILD_FAILED', `installing ${row.requirements.join(', ')} failed:\n${tail}`);
}
