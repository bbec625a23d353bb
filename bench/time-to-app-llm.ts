/**
 * Time to app, minus the model: `POST /api/sessions` → first 200 from the app URL, with the LLM
 * replaced by a local fake streaming a fixed answer at a fixed rate; webapp and api; 1 session at
 * a time and 50 at once (20 with --quick); process and docker runtimes (docker skipped with
 * --quick, or when the engine does not answer). Baseline, same run: the fake's answer streamed
 * straight to a client (the model's own time), subtracted from every sample, so what remains is
 * SpawnAI's overhead. A session that fails is counted and its reason printed, not fatal.
 *
 *   npx tsx bench/time-to-app-llm.ts [--quick]
 */
import { execFileSync } from 'node:child_process';
import { fmt, machine, summary } from './bench-kit.ts';
import { createUntil200, destroyAll, modelStreamMs, scriptAnswers, startLlmPlatform, type TimedSession } from './llm-kit.ts';

const quick = process.argv.includes('--quick');
const MODEL_SECONDS = quick ? 0.5 : 1;
const SEQUENTIAL = quick ? 3 : 10;
const CONCURRENT = quick ? 20 : 50;

function dockerAnswers(): boolean {
  try {
    execFileSync('docker', ['info'], { stdio: 'ignore', timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

interface Row {
  label: string;
  samples: number[];
  failures: number;
  wallMs: number;
}

let model: ReturnType<typeof summary> | undefined;
const failureReasons: string[] = [];

/** Runs `n` creations (all at once or one after another); failures are counted, not fatal. */
async function batch(port: number, appType: 'webapp' | 'api', n: number, together: boolean, label: string): Promise<Row & { ids: string[] }> {
  const t0 = performance.now();
  const one = (i: number): Promise<TimedSession | null> =>
    createUntil200(port, appType, `${appType} number ${i} of ${label}`).catch((err: unknown) => {
      failureReasons.push(`${label}: ${(err as Error).message.slice(0, 300)}`);
      return null;
    });
  const results: Array<TimedSession | null> = [];
  if (together) results.push(...(await Promise.all(Array.from({ length: n }, (_, i) => one(i)))));
  else for (let i = 0; i < n; i++) results.push(await one(i));
  const ok = results.filter((r): r is TimedSession => r !== null);
  return { label, samples: ok.map((r) => r.ms - model!.p50), failures: n - ok.length, wallMs: performance.now() - t0, ids: ok.map((r) => r.id) };
}

async function measure(runtime: string): Promise<Row[]> {
  const platform = await startLlmPlatform({ SPAWN_RUNTIME: runtime, SPAWN_CACHE: 'off' });
  const { port } = platform.server;
  const rows: Row[] = [];
  try {
    model ??= summary(await modelStreamMs(platform.fake, 'webapp', quick ? 3 : 10, MODEL_SECONDS));
    for (const appType of ['webapp', 'api'] as const) {
      // Twice what is needed: a failed deploy may ask the model for a repair.
      scriptAnswers(platform.fake, appType, 2 * (SEQUENTIAL + CONCURRENT), MODEL_SECONDS);
      for (const [n, together, label] of [
        [SEQUENTIAL, false, `${runtime}, ${appType}, 1 at a time`],
        [CONCURRENT, true, `${runtime}, ${appType}, ${CONCURRENT} at once`],
      ] as const) {
        const row = await batch(port, appType, n, together, label);
        rows.push(row);
        await destroyAll(port, row.ids);
      }
    }
  } finally {
    await platform.stop();
  }
  return rows;
}

const runtimes = ['process', ...(!quick && dockerAnswers() ? ['docker'] : [])];
const rows: Row[] = [];
for (const runtime of runtimes) rows.push(...(await measure(runtime)));
const { p50: modelP50, p99: modelP99 } = model!;

console.log(`\n## Time to app, minus the model (${new Date().toISOString().slice(0, 10)}${quick ? ', --quick' : ''})\n`);
console.log(`Machine: ${machine()}\n`);
console.log(`Fake model: a fixed answer streamed over ${MODEL_SECONDS} s; measured straight from the fake (baseline): p50 ${fmt(modelP50)} ms, p99 ${fmt(modelP99)} ms. Each sample is POST → first 200 from the app URL **minus that p50**. Embedded store and queue, SPAWN_WORKER_CONCURRENCY=64.${runtimes.includes('docker') ? '' : ' Docker runtime: skipped (--quick or no engine).'}\n`);
console.log('| runtime, app, concurrency | n | failed | p50 ms | p95 ms | p99 ms | p50 overhead / model time | throughput sessions/s |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) {
  const s = summary(r.samples);
  console.log(`| ${r.label} | ${s.n} | ${r.failures} | ${fmt(s.p50)} | ${fmt(s.p95)} | ${fmt(s.p99)} | ${(s.p50 / modelP50).toFixed(2)}× | ${((s.n * 1000) / r.wallMs).toFixed(2)} |`);
}
if (failureReasons.length > 0) console.log(`\nFailed sessions (${failureReasons.length}), first reasons:\n${failureReasons.slice(0, 3).map((r) => `- ${r}`).join('\n')}`);
