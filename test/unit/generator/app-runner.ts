import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEMPLATES } from '../../../src/generator/offline/templates/index.ts';
import type { Template } from '../../../src/generator/offline/template.ts';
import type { AppFile } from '../../../src/runtime/sandbox-driver.ts';

/** Test helpers that run generated apps for real: files in a temp dir, `node server.js` on a free port. */
const cleanups: (() => Promise<void>)[] = [];

/** Call from afterEach: kills started servers and removes temp dirs, even when a test failed. */
export async function cleanupApps(): Promise<void> {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
}

export function template(id: string): Template {
  const found = TEMPLATES.find((t) => t.id === id);
  if (!found) throw new Error(`no template ${id}`);
  return found;
}

export async function writeApp(files: AppFile[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `test-${randomUUID()}-`));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  await Promise.all(files.map((f) => writeFile(join(dir, f.path), f.content)));
  return dir;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** Starts `node server.js` on a free port and waits (≤ 5 s) until /healthz answers. */
export async function startServer(dir: string): Promise<{ base: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['server.js'], {
    cwd: dir,
    env: { PORT: String(port), PATH: process.env.PATH ?? '', NODE_PATH: join(process.cwd(), 'node_modules') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited(child);
    }
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${stderr}`);
    const res = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(500) }).catch(() => null);
    if (res?.ok) return { base, child };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`server did not answer /healthz within 5 s: ${stderr}`);
}

