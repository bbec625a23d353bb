/**
 * Control plane under load: `GET /api/sessions/:id` (autocannon, 8 keep-alive connections) while
 * 1,000 Server-Sent-Event clients hold `GET /api/sessions/:id/events` streams open on 10 running
 * sessions. Baseline, same run: the same GETs with no SSE client. The headline is the p99 ratio.
 * Sessions come from the offline templates (no model: this measures the API, not generation).
 *
 *   npx tsx bench/control-plane-sse.ts [--quick]
 */
import http from 'node:http';
import { fmt, machine, startServer } from './bench-kit.ts';
import { createUntil200, destroyAll, stopServer } from './llm-kit.ts';
import { load, type LoadResult } from './load-kit.ts';

const quick = process.argv.includes('--quick');
const SSE_CLIENTS = 1000;
const SESSIONS = 10;
const SECONDS = quick ? 3 : 10;
const CONNECTIONS = 8;

/** Opens one SSE stream; resolves once its first bytes arrived (the `retry:` line). */
function openStream(port: number, id: string): Promise<http.ClientRequest> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: `/api/sessions/${id}/events`, agent: false, headers: { accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`SSE answered ${res.statusCode}`));
      res.once('data', () => resolve(req));
      res.resume();
    });
    req.on('error', reject);
    req.setTimeout(30_000, () => req.destroy(new Error('SSE open timed out')));
  });
}

const server = await startServer({ SPAWN_RUNTIME: 'process' });
const { port } = server;
let base: LoadResult;
let loaded: LoadResult;
let openWhileLoaded: number;
const streams: http.ClientRequest[] = [];
try {
  const ids: string[] = [];
  for (let i = 0; i < SESSIONS; i++) ids.push((await createUntil200(port, 'webapp', `a notes page number ${i}`)).id);
  const target = { url: `http://127.0.0.1:${port}/api/sessions/${ids[0]}` };
  if (!quick) await load(target, CONNECTIONS, 1);
  base = await load(target, CONNECTIONS, SECONDS);
  // Batches of 100 so the listen backlog is never the bottleneck being measured.
  for (let i = 0; i < SSE_CLIENTS; i += 100) {
    streams.push(...(await Promise.all(Array.from({ length: Math.min(100, SSE_CLIENTS - i) }, (_, j) => openStream(port, ids[(i + j) % SESSIONS]!)))));
  }
  loaded = await load(target, CONNECTIONS, SECONDS);
  openWhileLoaded = streams.filter((r) => !r.destroyed && r.socket && !r.socket.destroyed).length;
  for (const r of streams) r.destroy();
  await destroyAll(port, ids);
} finally {
  for (const r of streams) r.destroy();
  await stopServer(server);
}

console.log(`\n## Control plane under 1,000 SSE clients (${new Date().toISOString().slice(0, 10)}${quick ? ', --quick' : ''})\n`);
console.log(`Machine: ${machine()}\n`);
console.log(`\`GET /api/sessions/:id\` with autocannon, ${CONNECTIONS} keep-alive connections, ${SECONDS} s; embedded SQLite store; ${SSE_CLIENTS} SSE streams on ${SESSIONS} running sessions (${openWhileLoaded} still open at the end of the loaded run).\n`);
console.log('| measure | requests/s | p50 ms | p95 ms | p99 ms | failures | p99 vs baseline |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const [label, r] of [
  ['no SSE client (baseline)', base!],
  [`${SSE_CLIENTS} SSE clients open`, loaded!],
] as const) {
  console.log(`| ${label} | ${r.requestsPerSecond.toFixed(0)} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.p99)} | ${r.failures} | ${(r.p99 / base!.p99).toFixed(2)}× |`);
}
