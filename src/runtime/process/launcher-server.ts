import { randomBytes } from 'node:crypto';
import { rename } from 'node:fs/promises';
import net from 'node:net';
import { join } from 'node:path';
import { limitLogListener } from '../log-budget.ts';
import { LAUNCHER_ARGV, launcherEnv, newLauncherToken, waitForGreeting, type LauncherHandle } from '../launcher/launcher-client.ts';
import type { LogListener } from '../sandbox-driver.ts';
import { LineForwarder } from './output-capture.ts';
import type { ProcessRuns } from './process-runs.ts';
import type { ProcessSetup } from './process-setup.ts';
import type { ProcessRecord } from './process-tree.ts';
import type { SandboxDirectory, SandboxRecord } from './sandbox-directory.ts';
import { FIRST_INHERITED_FD, launch } from './sandbox-launcher.ts';

/** Inside its own network namespace every sandbox can use the same port. */
export const LAUNCHER_APP_PORT = 8080;

export interface ServerRun {
  record: ProcessRecord;
  oomKillsBefore: number;
  exit?: { code: number | null; signal: string | null };
  /** Where its output goes; set when the app starts (a pooled launcher has no listener yet). */
  sink: { listener: LogListener };
  launcher: LauncherHandle;
}

/** Where the log sink sends the app's output once a session has claimed it. */
export function attachLogs(run: ServerRun, onLog: LogListener | undefined): void {
  run.sink.listener = limitLogListener(onLog ?? (() => undefined));
}

/**
 * Binds a listening Unix socket at `path` as root and returns its descriptor, for the launcher to
 * inherit: nothing is created by the sandbox user, so run/ stays root's (the app can neither
 * replace the sockets nor fill the directory) and a full app quota cannot stop a launcher.
 */
async function bindSocket(path: string): Promise<{ fd: number; close: () => void }> {
  // Bound under a temporary name and renamed: closing our copy unlinks the name it was bound to.
  const temporary = join(path, '..', `.bind-${randomBytes(6).toString('hex')}`);
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(temporary, resolve);
  });
  await rename(temporary, path);
  // The descriptor behind the server (libuv exposes it on Unix); the child gets its own copy.
  const fd = (server as unknown as { _handle: { fd: number } })._handle.fd;
  return { fd, close: () => server.close() };
}

/**
 * Starts the app launcher as the sandbox's `server` process: bubblewrap, the sandbox user, its
 * cgroup; it inherits the app socket (run/app.sock) and the control socket (run/control.sock).
 */
export async function startLauncher(
  setup: ProcessSetup,
  runs: ProcessRuns,
  directory: SandboxDirectory,
  record: SandboxRecord,
  maxLogBytes: number,
): Promise<ServerRun> {
  const id = record.id;
  await runs.kill(id, 'server');
  const paths = directory.paths(id);
  const cgroupProcs = setup.cgroups ? await setup.cgroups.leaf(id, 'server') : [];
  const oomKillsBefore = (await setup.cgroups?.oomKills(id)) ?? 0;
  const token = newLauncherToken();
  const controlPath = join(paths.run, 'control.sock');
  const sockets = [await bindSocket(paths.socket), await bindSocket(controlPath)];
  const env = launcherEnv(`fd:${FIRST_INHERITED_FD + 1}`, token, { forward: `fd:${FIRST_INHERITED_FD}` });
  let child: ReturnType<typeof launch>;
  try {
    child = launch(setup.host, setup.plan, {
      paths,
      record,
      command: [setup.host.nodeBinary, ...LAUNCHER_ARGV],
      env,
      port: LAUNCHER_APP_PORT,
      forward: false,
      cgroupProcs,
      inheritFds: sockets.map((s) => s.fd),
    });
  } finally {
    // The launcher holds its own copies: ours would accept connections meant for it.
    for (const socket of sockets) socket.close();
  }
  const sink: ServerRun['sink'] = { listener: () => undefined };
  const logs = new LineForwarder((stream, line) => sink.listener(stream, line), maxLogBytes);
  child.stdout.on('data', (chunk: Buffer) => logs.push('stdout', chunk));
  child.stderr.on('data', (chunk: Buffer) => logs.push('stderr', chunk));
  const run: ServerRun = {
    record: await runs.track(id, 'server', child),
    oomKillsBefore,
    sink,
    launcher: { token, control: { socketPath: controlPath } },
  };
  child.on('exit', (code, signal) => {
    run.exit = { code, signal };
    logs.end();
  });
  return run;
}

/**
 * Resolves once the launcher greets on its control socket (Node started, modules loaded): only
 * then is a pooled sandbox worth handing out. Throws when it exits first or takes too long.
 */
export async function waitForControl(run: ServerRun, deadlineMs: number): Promise<void> {
  await waitForGreeting(run.launcher.control, deadlineMs, () => (run.exit ? String(run.exit.code ?? run.exit.signal) : undefined));
}
