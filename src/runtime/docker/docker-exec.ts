import { randomUUID } from 'node:crypto';
import { constants } from 'node:os';
import type { Duplex } from 'node:stream';
import type Docker from 'dockerode';
import type { ExecOptions, ExecResult } from '../sandbox-driver.ts';
import { APP_DIR, SANDBOX_USER, sandboxEnv } from './container-spec.ts';
import { BoundedBuffer, withTimeout } from './exec-streams.ts';

const API_TIMEOUT_MS = 15_000;
const KILL_GRACE_MS = 3_000; // after the deadline, how long `timeout` gets before we stop waiting
const DEFAULT_MAX_OUTPUT_BYTES = 1024 * 1024;

export interface OpenedExec {
  exec: Docker.Exec;
  stream: Duplex;
}

/** Starts `cmd` as the sandbox user in /app with the sandbox environment, attached to its output. */
export async function openExec(
  container: Docker.Container,
  cmd: string[],
  env?: Record<string, string>,
): Promise<OpenedExec> {
  const exec = await withTimeout(
    container.exec({
      Cmd: cmd,
      Env: sandboxEnv(env),
      User: SANDBOX_USER,
      WorkingDir: APP_DIR,
      AttachStdout: true,
      AttachStderr: true,
      Tty: false,
    }),
    API_TIMEOUT_MS,
    'docker exec create',
  );
  const stream = (await withTimeout(
    exec.start({ hijack: true, stdin: false }),
    API_TIMEOUT_MS,
    'docker exec start',
  )) as Duplex;
  return { exec, stream };
}

function ended(stream: Duplex): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed || stream.readableEnded) return resolve();
    stream.once('end', resolve);
    stream.once('close', resolve);
    stream.once('error', () => resolve());
  });
}

/** The exit status; the Engine may report Running for a moment after the stream closed. */
export async function exitCodeOf(exec: Docker.Exec): Promise<number | null> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const info = await withTimeout(exec.inspect(), API_TIMEOUT_MS, 'docker exec inspect');
    if (!info.Running) return info.ExitCode;
    await new Promise((r) => setTimeout(r, 25));
  }
  return null;
}

/** Exit codes above 128 mean "killed by signal N" (how runc reports it). */
export function splitStatus(code: number | null): {
  exitCode: number | null;
  signal: string | null;
} {
  if (code !== null && code > 128 && code <= 128 + 31) {
    const name = Object.entries(constants.signals).find(([, n]) => n === code - 128)?.[0];
    if (name) return { exitCode: null, signal: name };
  }
  return { exitCode: code, signal: null };
}

/** Runs a small internal command to completion and returns its stdout (for driver bookkeeping). */
export async function execQuiet(
  docker: Docker,
  container: Docker.Container,
  cmd: string[],
): Promise<{ code: number | null; stdout: string }> {
  const { exec, stream } = await openExec(container, cmd);
  const out = new BoundedBuffer(64 * 1024);
  docker.modem.demuxStream(stream, out, new BoundedBuffer(0));
  await withTimeout(ended(stream), API_TIMEOUT_MS, `${cmd[0]} in sandbox`);
  return { code: await exitCodeOf(exec), stdout: out.text() };
}

/** How many times the kernel OOM-killed a process in the container (cgroup v1 or v2 counter). */
export async function oomKillCount(docker: Docker, container: Docker.Container): Promise<number> {
  const { stdout } = await execQuiet(docker, container, [
    'sh',
    '-c',
    'cat /sys/fs/cgroup/memory/memory.oom_control /sys/fs/cgroup/memory.events 2>/dev/null',
  ]);
  return Number(/^oom_kill (\d+)$/m.exec(stdout)?.[1] ?? 0);
}

/**
 * Runs a command to completion. The Engine cannot signal an exec, so the command runs under
 * coreutils `timeout -s KILL`, which kills its whole process group at the deadline; the shell
 * records that group's id (timeout's pid) so an AbortSignal can kill it through a second exec.
 */
export async function runExec(docker: Docker, container: Docker.Container, options: ExecOptions): Promise<ExecResult> {
  const startedAt = performance.now();
  const pidFile = `/tmp/.spawnai-exec-${randomUUID()}`;
  const seconds = (options.timeoutMs / 1000).toFixed(3);
  const script = `timeout -s KILL ${seconds}s "$@" & echo $! > ${pidFile}; wait $!; rc=$?; rm -f ${pidFile}; exit $rc`;
  const { exec, stream } = await openExec(container, ['sh', '-c', script, 'sh', ...options.command], options.env);
  const maxBytes = options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES;
  const stdout = new BoundedBuffer(maxBytes);
  const stderr = new BoundedBuffer(maxBytes);
  docker.modem.demuxStream(stream, stdout, stderr);

  let aborted = false;
  const killGroup = (): void => {
    void execQuiet(docker, container, ['sh', '-c', `kill -KILL -- -$(cat ${pidFile})`]).catch(() => undefined);
  };
  const onAbort = (): void => {
    aborted = true;
    killGroup();
  };
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted) onAbort();
  let gaveUp = false;
  const hardStop = setTimeout(() => {
    gaveUp = true;
    stream.destroy();
  }, options.timeoutMs + KILL_GRACE_MS);
  try {
    await ended(stream);
  } finally {
    clearTimeout(hardStop);
    options.signal?.removeEventListener('abort', onAbort);
  }
  const durationMs = Math.round(performance.now() - startedAt);
  const code = gaveUp ? null : await exitCodeOf(exec);
  const status = gaveUp ? { exitCode: null, signal: 'SIGKILL' } : splitStatus(code);
  const timedOut = !aborted && (gaveUp || (status.signal === 'SIGKILL' && durationMs >= options.timeoutMs));
  const oomKilled =
    status.signal === 'SIGKILL' && !timedOut && !aborted && (await oomKillCount(docker, container).catch(() => 0)) > 0;
  return {
    ...status,
    stdout: stdout.text(),
    stderr: stderr.text(),
    timedOut,
    oomKilled,
    durationMs,
  };
}
