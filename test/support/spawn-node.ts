import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';

/** A `spawnai` CLI process started by a test, with its output kept for failure messages. */
export interface NodeProcess {
  proc: ChildProcess;
  output(): string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export function spawnSpawnai(args: string[], env: Record<string, string>): NodeProcess {
  const proc = spawn(process.execPath, ['bin/spawnai.js', ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', SPAWN_LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  proc.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  return {
    proc,
    output: () => out.slice(-4000),
    kill: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
        proc.once('exit', () => resolve());
        proc.kill(signal);
      }),
  };
}

/**
 * Polls /healthz until it answers 200. The bound is generous on purpose: a node starting through
 * tsx on a CI machine that runs every suite at once can take well over 30 s, and only a failure
 * waits it out.
 */
export async function waitHealthy(port: number, node: NodeProcess, timeoutMs = 90_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (node.proc.exitCode !== null) throw new Error(`server exited early:\n${node.output()}`);
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server not healthy after ${timeoutMs} ms:\n${node.output()}`);
}

/** Pids of live processes whose command line mentions `needle` (e.g. a sandbox directory). */
export async function pidsMatching(needle: string): Promise<number[]> {
  const { readdir, readFile } = await import('node:fs/promises');
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cmd = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (cmd.includes(needle) && Number(entry) !== process.pid) pids.push(Number(entry));
  }
  return pids;
}

/** Waits for a worker's "worker ready" line: its queue connection is up and it takes jobs. */
export async function waitWorkerReady(worker: NodeProcess, timeoutMs = 90_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!worker.output().includes('worker ready')) {
    if (worker.proc.exitCode !== null || Date.now() > until) throw new Error(`worker not ready:\n${worker.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
