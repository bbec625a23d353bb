import { stat } from 'node:fs/promises';
import { limitLogListener } from '../log-budget.ts';
import { LAUNCHER_ARGV, launcherEnv, newLauncherToken, type LauncherHandle } from '../launcher/launcher-client.ts';
import type { LogListener } from '../sandbox-driver.ts';
import { SANDBOX_OWNER } from './host-probe.ts';
import { SANDBOX_RUN_DIR } from './bwrap-args.ts';
import { LineForwarder } from './output-capture.ts';
import type { ProcessRuns } from './process-runs.ts';
import type { ProcessSetup } from './process-setup.ts';
import type { ProcessRecord } from './process-tree.ts';
import type { SandboxDirectory, SandboxRecord } from './sandbox-directory.ts';
import { launch } from './sandbox-launcher.ts';

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
 * Starts the app launcher as the sandbox's `server` process: bubblewrap, the sandbox user, its
 * cgroup, with the app socket forwarded from run/app.sock and the control socket beside it.
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
  // A restart in the same sandbox: its launcher must be able to make new sockets again.
  if (setup.plan.dropRoot) await directory.setRunOwner(id, SANDBOX_OWNER);
  const paths = directory.paths(id);
  const cgroupProcs = setup.cgroups ? await setup.cgroups.leaf(id, 'server') : [];
  const oomKillsBefore = (await setup.cgroups?.oomKills(id)) ?? 0;
  const token = newLauncherToken();
  const env = launcherEnv(`${SANDBOX_RUN_DIR}/control.sock`, token, { forward: `${SANDBOX_RUN_DIR}/app.sock` });
  const child = launch(setup.host, setup.plan, {
    paths,
    record,
    command: [setup.host.nodeBinary, ...LAUNCHER_ARGV],
    env,
    port: LAUNCHER_APP_PORT,
    forward: false,
    cgroupProcs,
  });
  const sink: ServerRun['sink'] = { listener: () => undefined };
  const logs = new LineForwarder((stream, line) => sink.listener(stream, line), maxLogBytes);
  child.stdout.on('data', (chunk: Buffer) => logs.push('stdout', chunk));
  child.stderr.on('data', (chunk: Buffer) => logs.push('stderr', chunk));
  const run: ServerRun = {
    record: await runs.track(id, 'server', child),
    oomKillsBefore,
    sink,
    launcher: { token, control: { socketPath: `${paths.run}/control.sock` } },
  };
  child.on('exit', (code, signal) => {
    run.exit = { code, signal };
    logs.end();
  });
  return run;
}

const CONTROL_POLL_MS = 10;

/**
 * Resolves once the launcher listens on its control socket (Node started, modules loaded): only
 * then is a pooled sandbox worth handing out. Throws when it exits first or takes too long.
 */
export async function waitForControl(run: ServerRun, deadlineMs: number): Promise<void> {
  if (!('socketPath' in run.launcher.control)) return;
  const path = run.launcher.control.socketPath;
  const until = Date.now() + deadlineMs;
  while (!(await stat(path).then((s) => s.isSocket(), () => false))) {
    if (run.exit) throw new Error(`the app launcher exited (${run.exit.code ?? run.exit.signal}) before it listened`);
    if (Date.now() > until) throw new Error(`the app launcher did not listen within ${deadlineMs} ms`);
    await new Promise((r) => setTimeout(r, CONTROL_POLL_MS));
  }
}
