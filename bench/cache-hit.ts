/**
 * Prompt cache: the same prompt asked twice, end to end (`POST /api/sessions` → first 200 from the
 * app URL). Baseline, same run: the first ask (a miss: the fake model streams its fixed answer).
 * The headline is hit time / miss time. A hit must make no model call; the script checks the fake's
 * request count and the session's `cached` flag, and reports "cache not available" when the API
 * has no such flag rather than pretending.
 *
 *   npx tsx bench/cache-hit.ts [--quick]
 */
import { fmt, machine, summary } from './bench-kit.ts';
import { createUntil200, destroyAll, getSession, scriptAnswers, startLlmPlatform } from './llm-kit.ts';

const quick = process.argv.includes('--quick');
const MODEL_SECONDS = quick ? 0.5 : 1;
const ROUNDS = quick ? 3 : 10;

const platform = await startLlmPlatform({ SPAWN_RUNTIME: 'process', SPAWN_CACHE: 'on' });
const { port } = platform.server;
const lines: string[] = [];
let available = true;
try {
  for (const appType of ['webapp', 'api'] as const) {
    scriptAnswers(platform.fake, appType, ROUNDS, MODEL_SECONDS);
    const miss: number[] = [];
    const hit: number[] = [];
    let modelCalls = 0;
    const ids: string[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const prompt = `a ${appType} for round ${i} of the cache benchmark`;
      const first = await createUntil200(port, appType, prompt);
      const before = platform.fake.requests.length;
      const again = await createUntil200(port, appType, prompt);
      modelCalls += platform.fake.requests.length - before;
      const view = await getSession(port, again.id);
      if (view.cached === undefined) available = false;
      else if (!view.cached) throw new Error(`the repeated prompt was not served from the cache (session ${again.id})`);
      miss.push(first.ms);
      hit.push(again.ms);
      ids.push(first.id, again.id);
    }
    await destroyAll(port, ids);
    const m = summary(miss);
    const h = summary(hit);
    lines.push(`| ${appType}: first ask (miss, baseline) | ${m.n} | ${fmt(m.p50)} | ${fmt(m.p95)} | ${fmt(m.p99)} | 1.00× | ${(1000 / m.mean).toFixed(2)} |`);
    lines.push(`| ${appType}: same prompt again (hit; ${modelCalls} model calls) | ${h.n} | ${fmt(h.p50)} | ${fmt(h.p95)} | ${fmt(h.p99)} | ${(h.p50 / m.p50).toFixed(2)}× | ${(1000 / h.mean).toFixed(2)} |`);
  }
} finally {
  await platform.stop();
}

console.log(`\n## Prompt cache hit, end to end (${new Date().toISOString().slice(0, 10)}${quick ? ', --quick' : ''})\n`);
console.log(`Machine: ${machine()}\n`);
if (!available) {
  console.log('cache not available: `GET /api/sessions/:id` has no `cached` flag on this build, so hits cannot be told from misses.');
} else {
  console.log(`Fake model streams a fixed answer over ${MODEL_SECONDS} s; process runtime; one session at a time.\n`);
  console.log('| measure | n | p50 ms | p95 ms | p99 ms | p50 vs miss | throughput sessions/s (sequential) |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const l of lines) console.log(l);
}
