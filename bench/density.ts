/**
 * Density: how many live sessions one machine holds. Sessions are created one after another (80%
 * static webapps, 20% api apps on the process runtime, offline templates so no model is involved,
 * scale-to-zero after 5 idle seconds) until creation fails, the p95 of the last 10 creations is
 * 2× the p95 of the first 10 (the baseline, same run), or the bound is reached (3,000 sessions or
 * 10 min; 50 sessions or 30 s with --quick). On a machine with less memory than that takes, the
 * limit found is the host memory floor (SPAWN_MIN_FREE_MEMORY_MB, default 5% of RAM): creation
 * fails with HOST_CAPACITY_EXHAUSTED. Reports creation latency as the count grows, memory per idle
 * api app (RSS and PSS summed over its sandbox's processes, from /proc), the host's MemAvailable
 * before and after, and the server's own RSS growth.
 *
 * At the end it prints where the server's CPU went (the top functions of a `--cpu-prof` profile of
 * the whole run).
 *
 *   npx tsx bench/density.ts [--quick] [--sessions N] [--seconds S]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pidsMatching } from '../test/support/spawn-node.ts';
import { fmt, machine, startServer, summary } from './bench-kit.ts';
import { createUntil200, destroyAll, stopServer } from './llm-kit.ts';
import { rssOfTreeKb } from './proc-memory.ts';
import { availableMemoryMb } from '../src/runtime/index.ts';
import { newestProfile, profileArgs, topFunctions } from './cpu-profile.ts';

const quick = process.argv.includes('--quick');
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const MAX_SESSIONS = Number(arg('--sessions') ?? (quick ? 50 : 3000));
const MAX_SECONDS = Number(arg('--seconds') ?? (quick ? 30 : 600));
const WINDOW = 10;

const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spawnai-density-prof-'));
const server = await startServer({ SPAWN_RUNTIME: 'process', SPAWN_VERIFY: 'off', SPAWN_IDLE_PAUSE_SECONDS: '5', SPAWN_DEFAULT_TTL_SECONDS: '900' }, { nodeArgs: profileArgs(profileDir) });
const { port, dataDir } = server;
const serverRssStartKb = rssOfTreeKb([server.proc.pid!], false);
const hostAvailableStartMb = availableMemoryMb();
let hostAvailableEndMb: number;
const created: Array<{ id: string; appType: 'webapp' | 'api'; ms: number }> = [];
let stop = 'bound reached';
const t0 = Date.now();
let apiRssKb: number[] = [];
let apiPssKb: number[] = [];
let serverRssEndKb: number;
try {
  while (created.length < MAX_SESSIONS) {
    if (Date.now() - t0 > MAX_SECONDS * 1000) {
      stop = `time bound (${MAX_SECONDS} s) reached`;
      break;
    }
    const appType = created.length % 5 === 4 ? 'api' : 'webapp';
    try {
      const s = await createUntil200(port, appType, `${appType === 'api' ? 'a notes api' : 'a notes page'} number ${created.length}`);
      created.push({ id: s.id, appType, ms: s.ms });
    } catch (err) {
      stop = `creation failed at session ${created.length + 1}: ${(err as Error).message}`;
      break;
    }
    if (created.length >= 2 * WINDOW) {
      const first = summary(created.slice(0, WINDOW).map((c) => c.ms)).p95;
      const last = summary(created.slice(-WINDOW).map((c) => c.ms)).p95;
      if (last >= 2 * first) {
        stop = `p95 of the last ${WINDOW} creations (${fmt(last)} ms) ≥ 2× the first ${WINDOW} (${fmt(first)} ms)`;
        break;
      }
    }
  }
  // Let the api apps go idle, then weigh each one's process tree.
  await new Promise((r) => setTimeout(r, 2000));
  const root = path.join(dataDir, 'sandboxes');
  const owners = new Map<string, string>();
  for (const dir of fs.existsSync(root) ? fs.readdirSync(root) : []) {
    const file = path.join(root, dir, 'sandbox.json');
    if (fs.existsSync(file)) owners.set((JSON.parse(fs.readFileSync(file, 'utf8')) as { sessionId: string }).sessionId, dir);
  }
  // Each weighing scans /proc (thousands of processes by then): an even sample of 50 apps is enough.
  const apis = created.filter((x) => x.appType === 'api');
  const sample = apis.filter((_, i) => i % Math.max(1, Math.floor(apis.length / 50)) === 0);
  for (const c of sample) {
    const dir = owners.get(c.id);
    if (!dir) continue;
    const pids = await pidsMatching(path.join(root, dir));
    apiRssKb.push(rssOfTreeKb(pids, true));
    apiPssKb.push(rssOfTreeKb(pids, true, 'pss'));
  }
  apiRssKb = apiRssKb.filter((kb) => kb > 0);
  apiPssKb = apiPssKb.filter((kb) => kb > 0);
  hostAvailableEndMb = availableMemoryMb();
  serverRssEndKb = rssOfTreeKb([server.proc.pid!], false);
  // In chunks: thousands of DELETEs at once overflow the server's accept queue (fetch fails).
  for (let i = 0; i < created.length; i += 100) {
    await destroyAll(port, created.slice(i, i + 100).map((c) => c.id), 120_000).catch((err: unknown) => console.error(`destroying sessions ${i}–${i + 99} failed: ${(err as Error).message}`));
  }
} finally {
  await stopServer(server);
}

const step = Math.max(WINDOW, Math.ceil(created.length / 5 / WINDOW) * WINDOW);
console.log(`\n## Density (${new Date().toISOString().slice(0, 10)}${quick ? ', --quick' : ''})\n`);
console.log(`Machine: ${machine()}\n`);
console.log(`${created.length} live sessions (${created.filter((c) => c.appType === 'api').length} api apps) in ${((Date.now() - t0) / 1000).toFixed(0)} s; stopped: ${stop}. Sequential creation, offline templates, process runtime, scale-to-zero after 5 idle s.\n`);
console.log('| sessions alive before the creation | n | p50 ms | p95 ms | p99 ms | p95 vs first 10 | creations/s |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
const firstP95 = summary(created.slice(0, WINDOW).map((c) => c.ms)).p95;
for (let from = 0; from < created.length; from += step) {
  const slice = created.slice(from, from + step).map((c) => c.ms);
  const s = summary(slice);
  console.log(`| ${from}–${from + slice.length - 1} | ${s.n} | ${fmt(s.p50)} | ${fmt(s.p95)} | ${fmt(s.p99)} | ${(s.p95 / firstP95).toFixed(2)}× | ${(1000 / s.mean).toFixed(1)} |`);
}
const rss = summary(apiRssKb.map((kb) => kb / 1024));
const pss = summary(apiPssKb.map((kb) => kb / 1024));
console.log(`\nMemory per idle api app (sandbox process tree, a sample of ${rss.n} apps): RSS p50 ${fmt(rss.p50)} MiB (max ${fmt(rss.max)}), PSS p50 ${fmt(pss.p50)} MiB (max ${fmt(pss.max)}). Host MemAvailable ${fmt(hostAvailableStartMb)} MiB before → ${fmt(hostAvailableEndMb)} MiB with every session alive. Server RSS ${fmt(serverRssStartKb / 1024)} MiB → ${fmt(serverRssEndKb / 1024)} MiB (${fmt((serverRssEndKb - serverRssStartKb) / 1024 / Math.max(1, created.length))} MiB per session).`);
const profile = newestProfile(profileDir);
console.log(profile ? `\n${topFunctions(profile, 15)}` : '\n(no CPU profile was written)');
fs.rmSync(profileDir, { recursive: true, force: true });
