/**
 * Time to app: `POST /api/sessions` → first 200 from the app URL (through the app proxy), offline
 * templates (no model), verification off (its cost is § 7's), webapp and api, one at a time and
 * 50 at once, on each runtime given (`--runtimes process,docker`; default: process, and docker
 * when its engine answers). Baseline, same run: spawning the same api template's `node server.js`
 * directly (no platform, no sandbox) and polling until it answers 200 — the floor any platform
 * pays to start a Node app. A failed session is counted, not fatal.
 *
 * `--apps webapp` runs one app type only; `--profile` runs the server with `--cpu-prof` and prints
 * the functions with the most self time of its main thread at the end.
 *
 *   npx tsx bench/time-to-app.ts [--quick] [--n 20] [--burst 50] [--runtimes process,docker] [--apps webapp,api] [--profile]
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { OfflineGenerator } from '../src/generator/index.ts';
import { newestProfile, profileArgs, topFunctions } from './cpu-profile.ts';
import { fmt, freePort, machine, pollUntil200, startServer, summary } from './bench-kit.ts';
import { createUntil200, destroyAll, stopServer, type TimedSession } from './llm-kit.ts';

const quick = process.argv.includes('--quick');
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const N = Number(arg('--n') ?? (quick ? 8 : 20));
const BURST = Number(arg('--burst') ?? 50);
const apps = (arg('--apps') ?? 'webapp,api').split(',') as Array<'webapp' | 'api'>;
const profileDir = process.argv.includes('--profile') ? fs.mkdtempSync(path.join(os.tmpdir(), 'spawnai-tta-prof-')) : null;
const runtimes = (arg('--runtimes') ?? (dockerAnswers() ? 'process,docker' : 'process')).split(',');

function dockerAnswers(): boolean {
  try {
    execFileSync('docker', ['info'], { stdio: 'ignore', timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

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

interface Row {
  label: string;
  samples: number[];
  failed: number;
}

const failures: string[] = [];

async function batch(port: number, appType: 'webapp' | 'api', n: number, together: boolean, label: string): Promise<Row> {
  const one = (i: number): Promise<TimedSession | null> =>
    createUntil200(port, appType, `notes ${appType === 'api' ? 'api' : 'app'} ${i}`).catch((err: unknown) => {
      failures.push(`${label}: ${(err as Error).message.slice(0, 300)}`);
      return null;
    });
  const results: Array<TimedSession | null> = [];
  if (together) results.push(...(await Promise.all(Array.from({ length: n }, (_, i) => one(i)))));
  else for (let i = 0; i < n; i++) results.push(await one(i));
  const ok = results.filter((r): r is TimedSession => r !== null);
  await destroyAll(port, ok.map((r) => r.id), 120_000);
  return { label, samples: ok.map((r) => r.ms), failed: n - ok.length };
}

async function platformRows(runtime: string): Promise<Row[]> {
  const nodeArgs = profileDir ? profileArgs(path.join(profileDir, runtime)) : [];
  const server = await startServer({ SPAWN_RUNTIME: runtime, SPAWN_VERIFY: 'off', SPAWN_WORKER_CONCURRENCY: '64' }, { nodeArgs });
  const rows: Row[] = [];
  try {
    // One session first so a pool (where there is one) has seen its tier: as on a node in service.
    await batch(server.port, 'api', 1, false, 'warm-up');
    for (const appType of apps) {
      rows.push(await batch(server.port, appType, N, false, `${runtime}, ${appType}, 1 at a time`));
      rows.push(await batch(server.port, appType, BURST, true, `${runtime}, ${appType}, ${BURST} at once`));
    }
  } finally {
    await stopServer(server);
  }
  return rows;
}

const base = summary(await baselineMs());
const rows: Row[] = [];
for (const runtime of runtimes) rows.push(...(await platformRows(runtime)));
console.log(`\n## Time to app (${new Date().toISOString().slice(0, 10)}${quick ? ', --quick' : ''}; offline templates, SPAWN_VERIFY=off)\n\nMachine: ${machine()}\n`);
console.log('| measure | n | failed | p50 ms | p95 ms | p99 ms | p50 vs baseline |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
console.log(`| baseline: bare \`node server.js\` start → 200 | ${base.n} | 0 | ${fmt(base.p50)} | ${fmt(base.p95)} | ${fmt(base.p99)} | 1.00× |`);
for (const r of rows) {
  const s = summary(r.samples);
  console.log(`| ${r.label}: POST → 200 from app URL | ${s.n} | ${r.failed} | ${fmt(s.p50)} | ${fmt(s.p95)} | ${fmt(s.p99)} | ${(s.p50 / base.p50).toFixed(2)}× |`);
}
for (const runtime of profileDir ? runtimes : []) {
  const file = newestProfile(path.join(profileDir ?? '', runtime));
  console.log(`\n### ${runtime}: server CPU profile (main thread)\n\n${file ? topFunctions(file, 20) : '(no CPU profile was written)'}`);
}
if (failures.length > 0) console.log(`\nFailed sessions (${failures.length}), first reasons:\n${failures.slice(0, 3).map((r) => `- ${r}`).join('\n')}`);
