import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { SpawnError } from '../../errors/index.ts';
import { createLogger, type Logger } from '../../log/index.ts';
import type { AppFile, DriverCapabilities, ExecOptions, ExecResult, HealthStatus, LogListener, Sandbox, SandboxDriver, SandboxInfo, SandboxSpec, StartOptions } from '../sandbox-driver.ts';
import type { SandboxEndpoint } from '../sandbox-endpoint.ts';
import { launchMessage, readyWithin, startThroughLauncher, type LaunchOutcome } from '../launcher/launcher-client.ts';
import { WarmPool, type PoolShape, type PoolStats } from '../warm-pool.ts';
import { poolable, shapeOf, type PoolOptions } from '../pool-options.ts';
import { attachLogs, startLauncher, waitForControl, type ServerRun } from './launcher-server.ts';
import { writeAppFiles } from './app-files-writer.ts';
import { findExecutable, SANDBOX_OWNER } from './host-probe.ts';
import { runExec, wasOomKilled } from './process-exec.ts';
import { describeExit, ProcessRuns } from './process-runs.ts';
import { setUpProcessDriver, type ProcessSetup } from './process-setup.ts';
import { isAlive, processesOf, signalAll } from './process-tree.ts';
import { SandboxDirectory, sandboxRecord, type SandboxRecord } from './sandbox-directory.ts';
import { startPlainServer, type PlainServerRun } from './plain-server.ts';

export interface ProcessDriverOptions {
  dataDir: string;
  logger?: Logger;
  /** Default: use bubblewrap when it is installed and works. */
  useBwrap?: boolean;
  /** Cap on the log bytes one server start may send to its listener. */
  maxLogBytes?: number;
  /** Pre-started app launchers per tier (bubblewrap only); size 0 and max 0 disable it. */
  pool?: PoolOptions;
}

/** A launcher started on demand may take long to listen on a loaded host: as long as an app may take to start. */
const LAUNCHER_CONNECT_MS = 30_000;
const POOL_START_DEADLINE_MS = 60_000;
/** Marks a sandbox that waits in the pool (listed by no one but its owner). */
const POOL_ROLE = 'pool';

/**
 * Runs apps as child processes on this host, inside bubblewrap when it is available (own network,
 * pid, ipc, uts and user namespaces; read-only system dirs; uid 65534) and with cgroup limits.
 * Known limit: with `network: 'outbound'` the app shares the host network namespace, so this
 * driver does NOT block private ranges or the host's loopback then; the platform refuses to start
 * with that combination (containsOutbound: false) — use the docker driver.
 */
export class ProcessDriver implements SandboxDriver {
  readonly name = 'process';
  private ready: Promise<ProcessSetup> | undefined;
  private setup: ProcessSetup | undefined;
  private readonly directory: SandboxDirectory;
  private readonly logger: Logger;
  private readonly servers = new Map<string, PlainServerRun | ServerRun>();
  /** Launchers started and not told to run anything yet (pooled, or cold-started a moment ago). */
  private readonly idleLaunchers = new Map<string, ServerRun>();
  private readonly outcomes = new Map<string, Promise<LaunchOutcome>>();
  private readonly owner = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  private pool: WarmPool<string> | null = null;
  /** Sandboxes this instance froze: thawed again by close(), or they would outlive this process. */
  private readonly paused = new Set<string>();
  private execCounter = 0;

  constructor(private readonly options: ProcessDriverOptions) {
    this.directory = new SandboxDirectory(options.dataDir);
    this.logger = options.logger ?? createLogger('warn', 'process-driver');
  }

  get capabilities(): DriverCapabilities {
    const bwrap = this.setup ? this.setup.plan.useBwrap : (this.options.useBwrap ?? findExecutable('bwrap') !== null);
    return {
      isolation: bwrap ? 'namespaces' : 'none',
      supportsPause: true,
      supportsWarmPool: bwrap,
      // `outbound` shares the host's network namespace (see the class comment).
      containsOutbound: false,
    };
  }

  async init(): Promise<void> {
    this.ready ??= setUpProcessDriver({
      sandboxesDir: this.directory.root,
      useBwrap: this.options.useBwrap,
      logger: this.logger,
    });
    this.setup = await this.ready;
    this.directory.quotas = this.setup.dirQuotas;
    const pool = this.options.pool;
    if (this.setup.plan.useBwrap && pool && (pool.size > 0 || (pool.max ?? 0) > 0)) {
      this.pool ??= new WarmPool<string>(
        { min: pool.size, max: pool.max ?? pool.size, minFreeMemoryMb: pool.minFreeMemoryMb ?? 0 },
        { start: (shape) => this.startPooled(shape), remove: (id) => this.destroy(id).then(() => undefined) },
        this.logger,
      );
    }
  }

  async create(spec: SandboxSpec): Promise<Sandbox> {
    await this.ensureReady();
    const pooled = this.pool && spec.kind === 'server' && poolable(spec) ? this.pool.take(shapeOf(spec)) : undefined;
    if (pooled) {
      // The record now names the session: from here on the reaper keeps it only while that session lives.
      const record = await this.directory.read(pooled);
      if (record) {
        await this.directory.rewrite({ ...record, ...sandboxRecord(this.name, spec, pooled), createdAt: record.createdAt });
        return { id: pooled, sessionId: spec.sessionId, driver: this.name };
      }
      this.logger.warn({ sandboxId: pooled }, 'a pooled sandbox lost its record; cold-starting');
    }
    const { id } = await this.createSandbox(sandboxRecord(this.name, spec, `sbx-${randomBytes(8).toString('hex')}`));
    return { id, sessionId: spec.sessionId, driver: this.name };
  }

  /** Sizes and claims of the warm pool, for the metrics; null when this driver has none. */
  poolStats(): PoolStats | null {
    return this.pool?.stats() ?? null;
  }

  /** Resolves when the warm pool has finished refilling (tests, benchmarks). */
  async poolIdle(): Promise<void> {
    await this.pool?.idle();
  }

  private async createSandbox(record: SandboxRecord): Promise<SandboxRecord> {
    const { plan, cgroups } = await this.ensureReady();
    await this.directory.create(record, plan.dropRoot ? SANDBOX_OWNER : undefined);
    try {
      await cgroups?.create(record.id, record.limits);
    } catch (err) {
      await this.destroy(record.id);
      throw new SpawnError('PROVISIONING_FAILED', `cannot set the sandbox's cgroup limits: ${(err as Error).message}`, {
        cause: err,
      });
    }
    return record;
  }

  /** A pool sandbox: directory, cgroup, quota, and its launcher already running (Node started). */
  private async startPooled(shape: PoolShape): Promise<string> {
    const setup = await this.ensureReady();
    const id = `sbx-${randomBytes(8).toString('hex')}`;
    const spec: SandboxSpec = { sessionId: '', kind: 'server', ...shape, expiresAt: new Date(0), labels: { 'spawnai.role': POOL_ROLE, 'spawnai.owner': this.owner } };
    const record = await this.createSandbox(sandboxRecord(this.name, spec, id));
    try {
      await this.directory.ensureQuota(id, setup.plan.dropRoot ? SANDBOX_OWNER : undefined);
      await waitForControl(await this.startIdleLauncher(setup, record), POOL_START_DEADLINE_MS);
    } catch (err) {
      await this.destroy(id);
      throw err;
    }
    return id;
  }

  private async startIdleLauncher(setup: ProcessSetup, record: SandboxRecord): Promise<ServerRun> {
    const run = await startLauncher(setup, this.runs(setup), this.directory, record, this.options.maxLogBytes ?? 1024 * 1024);
    this.servers.set(record.id, run);
    this.idleLaunchers.set(record.id, run);
    return run;
  }

  /**
   * run/app.sock is what the proxy connects to (and `connect()` follows links): run/ is root's, so
   * the app cannot unlink or replace the socket there. The host binds the sockets now, so run/ is
   * root's from the start; kept for sandboxes an older server started (their app made the socket).
   */
  async sealEndpoint(sandbox: Sandbox): Promise<void> {
    const { plan } = await this.ensureReady();
    if (plan.dropRoot) await this.directory.setRunOwner(sandbox.id, { uid: 0, gid: 0 });
  }

  async writeFiles(sandbox: Sandbox, files: AppFile[]): Promise<void> {
    const { plan } = await this.ensureReady();
    await this.requireRecord(sandbox.id, 'DEPLOY_FAILED');
    await this.directory.ensureQuota(sandbox.id, plan.dropRoot ? SANDBOX_OWNER : undefined);
    await writeAppFiles(this.directory.paths(sandbox.id).app, files, plan.dropRoot ? SANDBOX_OWNER : undefined);
  }

  async startServer(sandbox: Sandbox, options: StartOptions, onLog?: LogListener): Promise<SandboxEndpoint> {
    const setup = await this.ensureReady();
    const record = await this.requireRecord(sandbox.id, 'APP_START_FAILED');
    await this.directory.ensureQuota(sandbox.id, setup.plan.dropRoot ? SANDBOX_OWNER : undefined);
    if (setup.plan.useBwrap) return this.startThroughLauncher(setup, sandbox, record, options, onLog);
    const { run, endpoint } = await startPlainServer(setup, this.runs(setup), this.directory, record, options, onLog, this.options.maxLogBytes ?? 1024 * 1024);
    this.servers.set(sandbox.id, run);
    return endpoint;
  }

  /** Hands the app to the sandbox's launcher (started now unless one waits already). */
  private async startThroughLauncher(setup: ProcessSetup, sandbox: Sandbox, record: SandboxRecord, options: StartOptions, onLog?: LogListener): Promise<SandboxEndpoint> {
    let run = this.idleLaunchers.get(sandbox.id);
    if (!run || run.exit) run = await this.startIdleLauncher(setup, record);
    this.idleLaunchers.delete(sandbox.id);
    attachLogs(run, onLog);
    const { outcome } = await startThroughLauncher(run.launcher, launchMessage(options.command, '/app', options.env), LAUNCHER_CONNECT_MS).catch((err: unknown) => {
      throw new SpawnError('APP_START_FAILED', (err as Error).message, { cause: err });
    });
    this.outcomes.set(sandbox.id, outcome);
    return { kind: 'socket', socketPath: this.directory.paths(sandbox.id).socket };
  }

  /**
   * `ready` once the app listens (the launcher saw it), `unknown` when the caller must poll (a
   * spawned command, the launcher gone, or no answer within `timeoutMs`).
   */
  async waitReady(sandbox: Sandbox, timeoutMs: number): Promise<'ready' | 'unknown'> {
    const outcome = this.outcomes.get(sandbox.id);
    this.outcomes.delete(sandbox.id);
    return outcome ? readyWithin(outcome, timeoutMs) : 'unknown';
  }

  async exec(sandbox: Sandbox, options: ExecOptions): Promise<ExecResult> {
    const setup = await this.ensureReady();
    const record = await this.requireRecord(sandbox.id, 'SCRIPT_FAILED');
    await this.directory.ensureQuota(sandbox.id, setup.plan.dropRoot ? SANDBOX_OWNER : undefined);
    const role = `exec-${++this.execCounter}`;
    return runExec(setup, this.runs(setup), { paths: this.directory.paths(sandbox.id), record, role }, options);
  }

  async health(sandbox: Sandbox): Promise<HealthStatus> {
    const setup = await this.ensureReady();
    const run = this.servers.get(sandbox.id);
    if (!run) {
      // Started by an earlier server process (or never): all we can tell is whether it runs.
      const records = await this.directory.readProcesses(sandbox.id);
      return records.server && isAlive(records.server) ? { ok: true } : { ok: false, reason: 'not running' };
    }
    if (!run.exit && isAlive(run.record)) return { ok: true };
    if (await wasOomKilled(setup, sandbox.id, 'server', run.oomKillsBefore)) return { ok: false, reason: 'OOM-killed' };
    return {
      ok: false,
      reason: describeExit(run.exit?.code ?? null, run.exit?.signal ?? null, setup.plan.useBwrap),
    };
  }

  async pause(sandbox: Sandbox): Promise<void> {
    await this.signalSandbox(sandbox.id, true);
  }

  async resume(sandbox: Sandbox): Promise<void> {
    await this.signalSandbox(sandbox.id, false);
  }

  async destroy(sandboxId: string): Promise<boolean> {
    const setup = await this.ensureReady();
    if (!SandboxDirectory.isValidId(sandboxId)) return false;
    const hadCgroup = (await setup.cgroups?.exists(sandboxId)) ?? false;
    const killed = await this.runs(setup).killAll(sandboxId);
    if (!killed) this.logger.error({ sandboxId }, 'processes survived SIGKILL while destroying a sandbox');
    this.servers.delete(sandboxId);
    this.idleLaunchers.delete(sandboxId);
    this.outcomes.delete(sandboxId);
    this.paused.delete(sandboxId);
    await setup.cgroups?.remove(sandboxId);
    const hadDirectory = await this.directory.remove(sandboxId);
    return hadDirectory || hadCgroup;
  }

  /** Every sandbox but this instance's own idle pool (a dead instance's pool is listed, and reaped). */
  async list(): Promise<SandboxInfo[]> {
    return (await this.directory.list()).filter((info) => !(info.labels['spawnai.role'] === POOL_ROLE && info.labels['spawnai.owner'] === this.owner));
  }

  async close(): Promise<void> {
    // The idle pool goes; session sandboxes outlive close() by contract.
    await this.pool?.close();
    // ...but a frozen one would outlive this process too: `--die-with-parent`'s SIGKILL cannot
    // reach a frozen task. Thawed, it dies with us as a running sandbox does.
    for (const id of this.paused) await this.signalSandbox(id, false).catch(() => undefined);
    this.paused.clear();
  }

  private async signalSandbox(sandboxId: string, stop: boolean): Promise<void> {
    const setup = await this.ensureReady();
    await this.requireRecord(sandboxId, 'APP_UNAVAILABLE');
    if (setup.cgroups?.canFreeze) {
      await setup.cgroups.freeze(sandboxId, stop);
      if (stop) this.paused.add(sandboxId);
      else this.paused.delete(sandboxId);
      return;
    }
    const roots = Object.values(await this.directory.readProcesses(sandboxId));
    signalAll(processesOf(roots), stop ? 'SIGSTOP' : 'SIGCONT');
  }

  private async ensureReady(): Promise<ProcessSetup> {
    await this.init();
    return this.setup as ProcessSetup;
  }

  private runs(setup: ProcessSetup): ProcessRuns {
    return new ProcessRuns(this.directory, setup.cgroups);
  }

  private async requireRecord(sandboxId: string, code: 'DEPLOY_FAILED' | 'APP_START_FAILED' | 'SCRIPT_FAILED' | 'APP_UNAVAILABLE'): Promise<SandboxRecord> {
    const record = await this.directory.read(sandboxId);
    if (!record) throw new SpawnError(code, `no sandbox ${sandboxId} on this host (destroyed?)`);
    return record;
  }
}

export function createProcessDriver(options: ProcessDriverOptions): SandboxDriver {
  return new ProcessDriver(options);
}

