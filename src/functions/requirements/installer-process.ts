import { spawn } from 'node:child_process';
import { spawnBwrapped } from '../../runtime/index.ts';
import { sandboxedArgv, type InstallerSandbox } from './installer-sandbox.ts';

const LOG_MAX_BYTES = 64 * 1024;

export interface InstallerRun {
  command: string[];
  cwd: string;
  env: Record<string, string>;
  timeoutMs: number;
  /** Prefix the command with setpriv to this uid/gid (root hosts): the installer cannot write outside its build directory. */
  dropTo?: { setpriv: string; uid: number } | undefined;
  /** Run inside bubblewrap, `cwd` bound at /build, the egress proxy's socket in `egressDir` the only way out. */
  sandbox?: { box: InstallerSandbox; egressDir: string } | undefined;
}

export interface InstallerResult {
  ok: boolean;
  /** stdout and stderr interleaved, the last LOG_MAX_BYTES kept (the error is at the end). */
  log: string;
}

/** The setpriv arguments that drop root to `dropTo.uid` before the command (empty without). */
export function dropPrefix(dropTo: InstallerRun['dropTo']): string[] {
  return dropTo ? [dropTo.setpriv, `--reuid=${dropTo.uid}`, `--regid=${dropTo.uid}`, '--clear-groups', '--no-new-privs', '--'] : [];
}

/** Runs pip or npm with exactly the given environment (nothing inherited) and a hard time limit. */
export function runInstaller(run: InstallerRun): Promise<InstallerResult> {
  const prefix = dropPrefix(run.dropTo);
  const { sandbox } = run;
  const argv = sandbox
    ? sandboxedArgv(sandbox.box, { prefix, buildDir: run.cwd, egressDir: sandbox.egressDir, env: run.env, command: run.command })
    : [...prefix, ...run.command];
  const [file, ...args] = argv;
  return new Promise((resolve) => {
    let log = '';
    const keep = (chunk: Buffer): void => {
      log += chunk.toString('utf8');
      if (log.length > LOG_MAX_BYTES * 2) log = log.slice(-LOG_MAX_BYTES);
    };
    // In the sandbox, bwrap reads its seccomp program from descriptor 3 (spawnBwrapped writes it).
    const child = sandbox
      ? spawnBwrapped(argv, { cwd: run.cwd, env: {}, detached: true }, sandbox.box.seccomp)
      : spawn(file as string, args, { cwd: run.cwd, env: run.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => {
      log += `\n[the installer did not finish within ${Math.round(run.timeoutMs / 1000)} s and was killed]\n`;
      try {
        process.kill(-(child.pid as number), 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, run.timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ ok: false, log: `${log}\n${err.message}` });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const tail = log.slice(-LOG_MAX_BYTES);
      resolve({ ok: code === 0, log: code === 0 ? tail : `${tail}\n[exit ${code ?? signal}]` });
    });
  });
}
