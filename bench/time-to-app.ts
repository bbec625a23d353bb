/**
 * Time to app: `POST /api/sessions` → first 200 from the app URL, offline templates (no model),
 * sequential sessions, webapp and api, on the runtime given by SPAWN_RUNTIME (default process).
 * Baseline, same run: spawning the same api template's `node server.js` directly (no platform, no
 * sandbox) and polling until it answers 200 — the floor any platform pays to start a Node app.
 *
 *   npx tsx bench/time-to-app.ts [--quick] [--n 20]
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { OfflineGenerator } from '../src/generator/index.ts';
import { fmt, freePort, machine, pollUntil200, postJson, startServer, summary } from './bench-kit.ts';

const quick = process.argv.includes('--quick');
const nArg = process.argv.indexOf('--n');
const N = nArg > 0 ? Number(process.argv[nArg + 1]) : quick ? 8 : 20;
const runtime = process.env.SPAWN_RUNTIME ?? 'process';

async function baselineMs(): Promise<number[]> {
  const app = await new OfflineGenerator().generate({ sessionId: 'bench', prompt: 'notes api', appType: 'api', title: 'Bench', signal: new AbortController().signal });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spawnai-baseline-'));
  for (const f of app.files) fs.writeFileSync(path.join(dir, f.path), f.content);
  const out: number[] = [];
  for (let i = 0; i < N; i++) {
    const port = await freePort();
    const t0 = performance.now();
    const child = spawn(process.execPath, ['server.js'], { cwd: dir, env: { PORT: String(port) }, stdio: 'ignore' });
    await pollUntil200(port, `127.0.0.1:${port}`);
    out.push(performance.now() - t0);
    child.kill('SIGKILL');
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return out;
}

async function platformMs(appType: 'webapp' | 'api'): Promise<number[]> {
  const server = await startServer({ SPAWN_RUNTIME: runtime });
  const out: number[] = [];
  try {
    for (let i = 0; i < N; i++) {
      const t0 = performance.now();
      const { status, body } = await postJson<{ id: string }>(server.port, '/api/sessions', { prompt: `notes app ${i}`, appType });
      if (status !== 201) throw new Error(`POST answered ${status}`);
      await pollUntil200(server.port, `${body.id}.localhost:${server.port}`);
      out.push(performance.now() - t0);
      await fetch(`http://127.0.0.1:${server.port}/api/sessions/${body.id}`, { method: 'DELETE' });
    }
  } finally {
    await server.stop();
  }
  return out;
}

const base = summary(await baselineMs());
const web = summary(await platformMs('webapp'));
const api = summary(await platformMs('api'));
console.log(`\n## Time to app (${new Date().toISOString().slice(0, 10)}, runtime ${runtime}, ${N} sequential sessions each)\n\nMachine: ${machine()}\n`);
console.log('| measure | p50 ms | p95 ms | p99 ms | p50 vs baseline |');
console.log('| --- | --- | --- | --- | --- |');
console.log(`| baseline: bare \`node server.js\` start → 200 | ${fmt(base.p50)} | ${fmt(base.p95)} | ${fmt(base.p99)} | 1.00× |`);
console.log(`| webapp: POST → 200 from app URL | ${fmt(web.p50)} | ${fmt(web.p95)} | ${fmt(web.p99)} | ${(web.p50 / base.p50).toFixed(2)}× |`);
console.log(`| api: POST → 200 from app URL | ${fmt(api.p50)} | ${fmt(api.p95)} | ${fmt(api.p99)} | ${(api.p50 / base.p50).toFixed(2)}× |`);
