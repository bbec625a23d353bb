import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { SpawnError } from '../../errors/index.ts';
import { createLogger, type Logger } from '../../log/index.ts';
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
import { writeAppFiles } from './app-files-writer.ts';
import { findExecutable, SANDBOX_OWNER } from './host-probe.ts';
import { LineForwarder } from './output-capture.ts';
import { runExec, wasOomKilled } from './process-exec.ts';
import { describeExit, ProcessRuns } from './process-runs.ts';
import { setUpProcessDriver, type ProcessSetup } from './process-setup.ts';
import { isAlive, processesOf, signalAll, type ProcessRecord } from './process-tree.ts';
import { SandboxDirectory, type SandboxRecord } from './sandbox-directory.ts';
import { launch } from './sandbox-launcher.ts';

export interface ProcessDriverOptions {
  dataDir: string;
  logger?: Logger;
  /** Default: use bubblewrap when it is installed and works. */
  useBwrap?: boolean;
  /** Cap on the log bytes one server start may send to its listener. */
  maxLogBytes?: number;
}

interface ServerRun {
  record: ProcessRecord;
  oomKillsBefore: number;
  exit?: { code: number | null; signal: string | null };
}

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
  private readonly servers = new Map<string, ServerRun>();
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
      supportsWarmPool: false,
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
  }

  async create(spec: SandboxSpec): Promise<Sandbox> {
    const { plan, cgroups } = await this.ensureReady();
    const id = `sbx-${randomBytes(8).toString('hex')}`;
    const createdAt = new Date().toISOString();
    const record: SandboxRecord = {
      id,
      sessionId: spec.sessionId,
      createdAt,
      labels: {
        ...spec.labels,
        sessionId: spec.sessionId,
        createdAt,
        expiresAt: spec.expiresAt.toISOString(),
        tier: spec.tier,
        driver: this.name,
      },
      limits: { memoryMb: spec.memoryMb, cpus: spec.cpus, pids: spec.pids },
      network: spec.network,
      ...(spec.readOnlyMounts?.length ? { readOnlyMounts: spec.readOnlyMounts } : {}),
    };
    await this.directory.create(record, plan.dropRoot ? SANDBOX_OWNER : undefined);
    try {
      await cgroups?.create(id, record.limits);
    } catch (err) {
      await this.destroy(id);
      throw new SpawnError('PROVISIONING_FAILED', `cannot set the sandbox's cgroup limits: ${(err as Error).message}`, {
        cause: err,
      });
    }
    return { id, sessionId: spec.sessionId, driver: this.name };
  }

  /**
   * The forwarder has made run/app.sock, which the proxy connects to (and `connect()` follows
   * links): run/ becomes root's, so the app can no longer unlink or replace the socket there.
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
    const runs = this.runs(setup);
    await runs.kill(sandbox.id, 'server');
    const paths = this.directory.paths(sandbox.id);
    // A restart in the same sandbox: its forwarder must be able to make a new socket again.
    if (setup.plan.dropRoot) await this.directory.setRunOwner(sandbox.id, SANDBOX_OWNER);
    const port = await freePort();
    const cgroupProcs = setup.cgroups ? await setup.cgroups.leaf(sandbox.id, 'server') : [];
    const oomKillsBefore = (await setup.cgroups?.oomKills(sandbox.id)) ?? 0;
    const child = launch(setup.host, setup.plan, {
      paths,
      record,
      command: options.command,
      env: options.env,
      port,
      forward: setup.plan.useBwrap,
      cgroupProcs,
    });
    const logs = new LineForwarder(limitLogListener(onLog ?? (() => undefined)), this.options.maxLogBytes ?? 1024 * 1024);
    child.stdout.on('data', (chunk: Buffer) => logs.push('stdout', chunk));
    child.stderr.on('data', (chunk: Buffer) => logs.push('stderr', chunk));
    const run: ServerRun = {
      record: await runs.track(sandbox.id, 'server', child),
      oomKillsBefore,
    };
    this.servers.set(sandbox.id, run);
    child.on('exit', (code, signal) => {
      run.exit = { code, signal };
      logs.end();
    });
    return setup.plan.useBwrap ? { kind: 'socket', socketPath: paths.socket } : { kind: 'tcp', host: '127.0.0.1', port };
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
    await setup.cgroups?.remove(sandboxId);
    const hadDirectory = await this.directory.remove(sandboxId);
    return hadDirectory || hadCgroup;
  }

  list(): Promise<SandboxInfo[]> {
    return this.directory.list();
  }

  async close(): Promise<void> {
    // No pool or background work; sandboxes outlive close() by contract.
  }

  private async signalSandbox(sandboxId: string, stop: boolean): Promise<void> {
    const setup = await this.ensureReady();
    await this.requireRecord(sandboxId, 'APP_UNAVAILABLE');
    if (setup.cgroups?.canFreeze) {
      await setup.cgroups.freeze(sandboxId, stop);
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

  private async requireRecord(
    sandboxId: string,
    code: 'DEPLOY_FAILED' | 'APP_START_FAILED' | 'SCRIPT_FAILED' | 'APP_UNAVAILABLE',
  ): Promise<SandboxRecord> {
    const record = await this.directory.read(sandboxId);
    if (!record) throw new SpawnError(code, `no sandbox ${sandboxId} on this host (destroyed?)`);
    return record;
  }
}

export function createProcessDriver(options: ProcessDriverOptions): SandboxDriver {
  return new ProcessDriver(options);
}

/** A free 127.0.0.1 port (the app binds it; inside its own namespace any port would do). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return address.port;
}
