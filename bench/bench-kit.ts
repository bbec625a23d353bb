import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** Small shared pieces of the benchmarks: percentiles, machine line, a server child, HTTP probes. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function summary(samplesMs: number[]): { n: number; p50: number; p95: number; p99: number; max: number; mean: number } {
  const s = [...samplesMs].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), max: s.at(-1) ?? 0, mean: s.reduce((a, b) => a + b, 0) / Math.max(1, s.length) };
}

export function machine(): string {
  return `${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? '?'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** GET with a Host header (Node cannot resolve `*.localhost`); resolves with the status or 0. */
export function getStatus(port: number, host: string, urlPath = '/'): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: urlPath, headers: { host }, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
    req.setTimeout(5000, () => req.destroy());
  });
}

export async function pollUntil200(port: number, host: string, deadlineMs = 60_000): Promise<void> {
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    if ((await getStatus(port, host)) === 200) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`no 200 from ${host} within ${deadlineMs} ms`);
}

export interface ServerChild {
  port: number;
  dataDir: string;
  proc: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `spawnai up` on a free port with a fresh data dir and generous limits. */
export async function startServer(env: Record<string, string> = {}, options: { nodeArgs?: string[] } = {}): Promise<ServerChild> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spawnai-bench-'));
  fs.chmodSync(dataDir, 0o755);
  const proc = spawn(process.execPath, [...(options.nodeArgs ?? []), 'bin/spawnai.js', 'up', '--port', String(port), '--data-dir', dataDir], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', SPAWN_LOG_LEVEL: 'warn', SPAWN_MAX_ACTIVE_SESSIONS: '10000', SPAWN_MAX_NEW_SESSIONS: '100000', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  proc.stderr?.on('data', (c: Buffer) => (err = (err + c.toString()).slice(-3000)));
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    if (proc.exitCode !== null) throw new Error(`server exited: ${err}`);
    if ((await getStatus(port, `127.0.0.1:${port}`, '/healthz')) === 200) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    port,
    dataDir,
    proc,
    async stop() {
      proc.kill('SIGTERM');
      await new Promise((r) => proc.once('exit', r));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function postJson<T>(port: number, route: string, body: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`http://127.0.0.1:${port}${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as T };
}

export function fmt(ms: number): string {
  return ms >= 100 ? ms.toFixed(0) : ms.toFixed(1);
}
