/**
 * Time to app, minus the model: `POST /api/sessions` → first 200 from the app URL, with the LLM
 * replaced by a local fake streaming a fixed answer at a fixed rate; webapp and api; 1 session at a
 * time and 50 at once; process and docker runtimes (docker skipped in --quick, or when the engine
 * does not answer). Baseline, same run: the fake's answer streamed straight to a client (the model's
 * own time), subtracted from every sample, so what remains is SpawnAI's overhead.
 *
 *   npx tsx bench/time-to-app-llm.ts [--quick]
 */
import { execFileSync } from 'node:child_process';
import { fmt, machine, summary } from './bench-kit.ts';
import { createUntil200, destroyAll, modelStreamMs, scriptAnswers, startLlmPlatform } from './llm-kit.ts';

const quick = process.argv.includes('--quick');
const MODEL_SECONDS = quick ? 0.5 : 1;
const SEQUENTIAL = quick ? 3 : 10;
const CONCURRENT = 50;

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
  wallMs: number;
}

let model: ReturnType<typeof summary> | undefined;

async function measure(runtime: string): Promise<Row[]> {
  const platform = await startLlmPlatform({ SPAWN_RUNTIME: runtime, SPAWN_CACHE: 'off' });
  const { port } = platform.server;
  const rows: Row[] = [];
  try {
    model ??= summary(await modelStreamMs(platform.fake, 'webapp', quick ? 3 : 10, MODEL_SECONDS));
    const modelMs = model.p50;
    for (const appType of ['webapp', 'api'] as const) {
      scriptAnswers(platform.fake, appType, SEQUENTIAL + CONCURRENT, MODEL_SECONDS);
      const seq: number[] = [];
      const ids: string[] = [];
      const t0 = performance.now();
      for (let i = 0; i < SEQUENTIAL; i++) {
        const s = await createUntil200(port, appType, `${appType} number ${i} of a sequential run`);
        seq.push(s.ms - modelMs);
        ids.push(s.id);
      }
      rows.push({ label: `${runtime}, ${appType}, 1 at a time`, samples: seq, wallMs: performance.now() - t0 });
      await destroyAll(port, ids);
      const t1 = performance.now();
      const all = await Promise.all(Array.from({ length: CONCURRENT }, (_, i) => createUntil200(port, appType, `${appType} number ${i} of a concurrent run`)));
      rows.push({ label: `${runtime}, ${appType}, ${CONCURRENT} at once`, samples: all.map((s) => s.ms - modelMs), wallMs: performance.now() - t1 });
      await destroyAll(port, all.map((s) => s.id));
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
console.log('| runtime, app, concurrency | n | p50 ms | p95 ms | p99 ms | p50 overhead / model time | throughput sessions/s |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) {
  const s = summary(r.samples);
  console.log(`| ${r.label} | ${s.n} | ${fmt(s.p50)} | ${fmt(s.p95)} | ${fmt(s.p99)} | ${(s.p50 / modelP50).toFixed(2)}× | ${((s.n * 1000) / r.wallMs).toFixed(2)} |`);
}
