/**
 * App proxy throughput: one api app (a tiny Node server written by the fake model), hit on 64
 * keep-alive connections with autocannon for 10 s (3 s with --quick):
 *   - directly, on the app's own endpoint (its Unix socket under bubblewrap; baseline),
 *   - through SpawnAI's app proxy (`Host: <id>.localhost`),
 *   - through nginx (Debian's nginx-light, one worker, keep-alive upstream) to the same endpoint.
 * The headline is proxy throughput / direct throughput, next to nginx's. Loopback only.
 *
 *   npx tsx bench/proxy-throughput.ts [--quick]
 */
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { fmt, machine } from './bench-kit.ts';
import { createUntil200, scriptAnswers, startLlmPlatform } from './llm-kit.ts';
import { load, type LoadResult } from './load-kit.ts';
import { NginxProxy, type Upstream } from './nginx-proxy.ts';

const quick = process.argv.includes('--quick');
const SECONDS = quick ? 3 : 10;
const CONNECTIONS = 64;

/** The running app's endpoint as the proxy reads it (the sandboxes table of the embedded store). */
function endpointOf(dataDir: string, sessionId: string): Upstream {
  const db = new SqliteDatabase(path.join(dataDir, 'spawnai.db'), { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare(`SELECT endpoint FROM sandboxes WHERE session_id = ? AND state = 'running'`).get(sessionId) as { endpoint: string | null } | undefined;
    if (!row?.endpoint) throw new Error(`no running sandbox endpoint for ${sessionId}`);
    return JSON.parse(row.endpoint) as Upstream;
  } finally {
    db.close();
  }
}

const platform = await startLlmPlatform({ SPAWN_RUNTIME: 'process' });
const { port, dataDir } = platform.server;
const results: Array<{ label: string; r: LoadResult }> = [];
let nginxNote = '';
try {
  scriptAnswers(platform.fake, 'api', 1, 0.1);
  const app = await createUntil200(port, 'api', 'a tiny api for the proxy benchmark');
  const upstream = endpointOf(dataDir, app.id);
  const direct = 'socketPath' in upstream ? { url: 'http://localhost/', socketPath: upstream.socketPath } : { url: `http://${upstream.host}:${upstream.port}/` };
  const viaProxy = { url: `http://127.0.0.1:${port}/`, host: `${app.id}.localhost:${port}` };
  if (!quick) for (const t of [direct, viaProxy]) await load(t, CONNECTIONS, 1); // warm-up
  results.push({ label: `direct to the app (${'socketPath' in upstream ? 'its Unix socket' : 'its port'}; baseline)`, r: await load(direct, CONNECTIONS, SECONDS) });
  results.push({ label: 'through the SpawnAI app proxy', r: await load(viaProxy, CONNECTIONS, SECONDS) });
  if (NginxProxy.available()) {
    const nginx = await NginxProxy.start(upstream);
    try {
      const viaNginx = { url: `http://127.0.0.1:${nginx.port}/` };
      if (!quick) await load(viaNginx, CONNECTIONS, 1);
      results.push({ label: 'through nginx (1 worker, keep-alive upstream)', r: await load(viaNginx, CONNECTIONS, SECONDS) });
    } finally {
      await nginx.stop();
    }
  } else {
    nginxNote = ' nginx: not installed, skipped.';
  }
} finally {
  await platform.stop();
}

const base = results[0]!.r;
console.log(`\n## App proxy throughput (${new Date().toISOString().slice(0, 10)}${quick ? ', --quick' : ''})\n`);
console.log(`Machine: ${machine()}\n`);
console.log(`autocannon, ${CONNECTIONS} keep-alive connections, ${SECONDS} s per target, load generator on the same machine; process runtime (bubblewrap; the app is capped at its tier's CPU share).${nginxNote}\n`);
console.log('| target | requests/s | p50 ms | p95 ms | p99 ms | failures | throughput vs direct |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const { label, r } of results) {
  console.log(`| ${label} | ${r.requestsPerSecond.toFixed(0)} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.p99)} | ${r.failures} | ${(r.requestsPerSecond / base.requestsPerSecond).toFixed(2)}× |`);
}
