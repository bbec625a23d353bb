import type { ExecOptions, ExecResult } from '../sandbox-driver.ts';
import { BoundedBuffer } from './output-capture.ts';
import { describeExit, type ProcessRuns } from './process-runs.ts';
import type { ProcessSetup } from './process-setup.ts';
import type { SandboxPaths, SandboxRecord } from './sandbox-directory.ts';
import { launch } from './sandbox-launcher.ts';

const DEFAULT_MAX_OUTPUT_BYTES = 1024 * 1024; // 1 MiB per stream

/**
 * Runs one command to completion in its own cgroup leaf, so a timeout (or the end of the command)
 * kills exactly its tree — including anything it left running in the background — and never the
 * sandbox's server.
 */
export async function runExec(
  setup: ProcessSetup,
  runs: ProcessRuns,
  target: { paths: SandboxPaths; record: SandboxRecord; role: string },
  options: ExecOptions,
): Promise<ExecResult> {
  const { paths, record, role } = target;
  const startedAt = Date.now();
  const cgroupProcs = setup.cgroups ? await setup.cgroups.leaf(record.id, role) : [];
  const oomKillsBefore = (await setup.cgroups?.oomKills(record.id)) ?? 0;
  const child = launch(setup.host, setup.plan, {
    paths,
    record,
    command: options.command,
    env: options.env,
    forward: false,
    cgroupProcs,
  });
  const maxBytes = options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES;
  const stdout = new BoundedBuffer(maxBytes);
  const stderr = new BoundedBuffer(maxBytes);
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));

  let timedOut = false;
  try {
    await runs.track(record.id, role, child);
  } catch (err) {
    await runs.kill(record.id, role);
    throw err;
  }
  const stop = (): void => void runs.kill(record.id, role);
  const timer = setTimeout(() => {
    timedOut = true;
    stop();
  }, options.timeoutMs);
  options.signal?.addEventListener('abort', stop, { once: true });
  if (options.signal?.aborted) stop();
  try {
    const exit = await exited;
    const oomKilled = await wasOomKilled(setup, record.id, role, oomKillsBefore);
    // Background children may still hold stdout open: kill them so 'close' can arrive.
    await runs.kill(record.id, role);
    await closed;
    const killedBySignal = describeExit(exit.code, exit.signal, setup.plan.useBwrap).startsWith('killed');
    return {
      exitCode: exit.code,
      signal: exit.signal,
      stdout: stdout.toString(),
      stderr: stderr.toString(),
      timedOut,
      oomKilled: oomKilled && killedBySignal && !timedOut,
      durationMs: Date.now() - startedAt,
    };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', stop);
  }
}

/** v1 counts an OOM kill in the victim's own group, v2 also in its parents: look at both. */
export async function wasOomKilled(
  setup: ProcessSetup,
  sandboxId: string,
  leaf: string,
  groupKillsBefore: number,
): Promise<boolean> {
  if (!setup.cgroups) return false;
  return (
    (await setup.cgroups.oomKills(sandboxId, leaf)) > 0 || (await setup.cgroups.oomKills(sandboxId)) > groupKillsBefore
  );
}
