/**
 * Function execution: warm and cold latency (p50/p95/p99) and throughput of a trivial Python
 * function, of one that imports heavy standard-library modules and of a NumPy one (a 500×500
 * linear solve), through the HTTP API
 * (`POST /api/functions/:id/execute {wait}`: HTTP, queue, sandbox round trip, store writes).
 * Cold = a server with SPAWN_FUNCTION_WARM_MAX=0, so every call starts a fresh sandbox and
 * interpreter and imports the module. Baseline, same run: `python3 script.py` started fresh for
 * each call (the real interpreter, no sandbox, no platform), inputs in argv, outputs on stdout.
 * Then requirement layers: the first call of a function whose requirement set must first be
 * installed (pip against a local index this script serves) vs. the first call of another function
 * with an already-built set vs. the first call of one without requirements.
 *
 * Then a study: wall time and runs per second of a 1,000-run study (100 with --quick) of the
 * trivial and the NumPy function (bench/study-runs.ts).
 *
 *   npx tsx bench/functions-bench.ts [--quick] [--study-only]   (SPAWN_RUNTIME=docker to use containers)
 */
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fmt, machine, postJson, startServer, summary, type ServerChild } from './bench-kit.ts';
import { requirementLayers } from './requirement-layers.ts';
import { studyRun } from './study-runs.ts';

const quick = process.argv.includes('--quick');
const studyOnly = process.argv.includes('--study-only');
const STUDY_RUNS = quick ? 100 : 1000;
const N = quick ? 10 : 40;
const CALLS = quick ? 60 : 200;
const CONCURRENCY = 4;
const runtime = process.env.SPAWN_RUNTIME ?? 'process';

const FUNCTIONS = {
  trivial: 'def main(inputs):\n    return {"y": inputs["x"] + 1}\n',
  heavy:
    'import decimal, statistics, json, email.parser, http.client, xml.dom.minidom, urllib.request, asyncio\n' +
    'def main(inputs):\n    return {"y": float(statistics.mean([decimal.Decimal(inputs["x"]), 1]))}\n',
  numpy:
    'import numpy as np\n' +
    'def main(inputs):\n    rng = np.random.default_rng(inputs["x"])\n    a = rng.random((500, 500)) + 500 * np.eye(500)\n' +
    '    b = rng.random(500)\n    x = np.linalg.solve(a, b)\n    return {"y": float(np.abs(a @ x - b).max())}\n',
} as const;
type Kind = keyof typeof FUNCTIONS;

// The interpreter the process runtime uses (SPAWN_FUNCTION_PYTHON's default): Debian's, with NumPy.
const python = process.env.SPAWN_FUNCTION_PYTHON ?? (fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : execFileSync('python3', ['-c', 'import sys; print(sys.executable)']).toString().trim());

let counter = 0;
async function execute(server: ServerChild, id: string): Promise<number> {
  const t0 = performance.now();
  const res = await postJson<{ state: string; error?: unknown }>(server.port, `/api/functions/${id}/execute`, { inputs: { x: ++counter }, wait: 120 });
  if (res.status !== 200 || res.body.state !== 'completed') throw new Error(`execute answered ${res.status} ${JSON.stringify(res.body)}`);
  return performance.now() - t0;
}

/** Sequential latencies, then `CALLS` calls from CONCURRENCY loops for throughput. */
async function measure(call: () => Promise<number>, n: number, calls: number): Promise<{ ms: number[]; perSecond: number }> {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) ms.push(await call());
  let left = calls;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (left-- > 0) await call();
  }));
  return { ms, perSecond: (calls / (performance.now() - t0)) * 1000 };
}

async function platform(kind: Kind, warm: boolean): Promise<{ ms: number[]; perSecond: number }> {
  const server = await startServer({ SPAWN_RUNTIME: runtime, ...(warm ? {} : { SPAWN_FUNCTION_WARM_MAX: '0' }), SPAWN_FUNCTION_CACHE_TTL_SECONDS: '0' });
  try {
    const reg = await postJson<{ id: string }>(server.port, '/api/functions', { name: `bench-${kind}`, runtime: 'python', code: FUNCTIONS[kind] });
    if (reg.status !== 201) throw new Error(`register answered ${reg.status}`);
    // Fill the pool with one runtime per concurrent client: the warm figures are warm calls only.
    if (warm) for (let round = 0; round < 2; round++) await Promise.all(Array.from({ length: CONCURRENCY }, () => execute(server, reg.body.id)));
    return await measure(() => execute(server, reg.body.id), N, warm ? CALLS : Math.ceil(CALLS / 4));
  } finally {
    await server.stop();
  }
}

async function baseline(kind: Kind): Promise<{ ms: number[]; perSecond: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spawnai-fn-baseline-'));
  fs.writeFileSync(path.join(dir, 'script.py'), `${FUNCTIONS[kind]}\nimport json, sys\nprint(json.dumps(main(json.loads(sys.argv[1]))))\n`);
  const call = (): Promise<number> =>
    new Promise((resolve, reject) => {
      const t0 = performance.now();
      const child = spawn(python, ['script.py', JSON.stringify({ x: ++counter })], { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] });
      child.stdout.resume();
      child.on('exit', (code) => (code === 0 ? resolve(performance.now() - t0) : reject(new Error(`script.py exited ${code}`))));
    });
  try {
    return await measure(call, N, CALLS);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const rows: [string, Kind, { ms: number[]; perSecond: number }][] = [];
if (!studyOnly) await latencies();
const studies = [await studyRun(runtime, 'trivial', FUNCTIONS.trivial, STUDY_RUNS), await studyRun(runtime, 'numpy', FUNCTIONS.numpy, STUDY_RUNS)];
console.log(`\n### A ${STUDY_RUNS}-run study (${new Date().toISOString().slice(0, 10)}, runtime ${runtime}, default limits, one study per function)\n`);
console.log(`Machine: ${machine()}\n`);
console.log('| function | runs | completed | failed | wall time s | runs/s |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const s of studies) console.log(`| ${s.kind} | ${s.runs} | ${s.completed} | ${s.failed} | ${(s.wallMs / 1000).toFixed(1)} | ${((s.runs / s.wallMs) * 1000).toFixed(1)} |`);

/** Latency and throughput of single calls (baseline, cold, warm), then requirement layers. */
async function latencies(): Promise<void> {
  for (const kind of ['trivial', 'heavy', 'numpy'] as const) {
    rows.push(['baseline: fresh `python3 script.py`', kind, await baseline(kind)]);
    rows.push(['cold: new sandbox + interpreter + import', kind, await platform(kind, false)]);
    rows.push(['warm: pooled runtime', kind, await platform(kind, true)]);
  }
  console.log(`\n## Functions (${new Date().toISOString().slice(0, 10)}, runtime ${runtime}, ${N} sequential calls each, throughput with ${CONCURRENCY} concurrent clients)\n`);
  console.log(`Machine: ${machine()}\n`);
  console.log('| measure | function | p50 ms | p95 ms | p99 ms | executions/s | p50 vs baseline |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const [label, kind, result] of rows) {
    const s = summary(result.ms);
    const base = summary(rows.find(([l, k]) => k === kind && l.startsWith('baseline'))![2].ms);
    console.log(`| ${label} | ${kind} | ${fmt(s.p50)} | ${fmt(s.p95)} | ${fmt(s.p99)} | ${result.perSecond.toFixed(1)} | ${(s.p50 / base.p50).toFixed(2)}× |`);
  }

  const layers = await requirementLayers(runtime, quick ? 3 : 6, execute);
  console.log(`\n### First call and requirement layers (runtime ${runtime}, ${layers.n} sets, pip against a local index)\n`);
  console.log('| first call of a function … | p50 ms | max ms | p50 vs no requirements |');
  console.log('| --- | --- | --- | --- |');
  const none = summary(layers.none);
  for (const [label, ms] of [['without requirements', layers.none], ['whose set must be installed first', layers.build], ['whose set is already built (another function)', layers.built]] as const) {
    const s = summary(ms);
    console.log(`| ${label} | ${fmt(s.p50)} | ${fmt(s.max)} | ${(s.p50 / none.p50).toFixed(2)}× |`);
  }
}
