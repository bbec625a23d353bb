import fs from 'node:fs';
import path from 'node:path';
import type { Harness } from '../../support/platform-harness.ts';

/** Polls an api app's JSON report (`/report`) until it says `done`. */
export async function appReport<T extends { done?: boolean }>(h: Harness, id: string, timeoutMs = 20_000, route = '/report'): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < until) {
    const res = await h.app(id, route).catch((err: unknown) => ({ status: 0, text: String(err) }));
    last = `${res.status} ${res.text.slice(0, 300)}`;
    if (res.status === 200) {
      const body = JSON.parse(res.text) as T;
      if (body.done) return body;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`app ${id} did not report within ${timeoutMs} ms (last: ${last})`);
}

/**
 * A server.js that answers at once (the deploy health check) and serves `report` as JSON on
 * /report once `work` — a function body run at start-up, given `report` — has finished.
 */
export function reportingServer(work: string): string {
  return `const http = require('node:http');
const report = { done: false };
http.createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(req.url === '/report' ? report : { ok: true }));
}).listen(Number(process.env.PORT));
(async () => {
${work}
})().catch((err) => { report.error = String(err && err.stack || err); }).finally(() => { report.done = true; });
`;
}

/** Waits until `check` holds, polling every 100 ms; returns its last verdict. */
export async function eventually(check: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

/** Bytes stored on the data directory's own disk (tmpfs mounts inside it are not counted). */
export function diskBytesUnder(dir: string): number {
  const device = fs.statSync(dir).dev;
  let total = 0;
  const walk = (current: string): void => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      const stat = fs.lstatSync(full, { throwIfNoEntry: false });
      if (!stat || stat.dev !== device) continue;
      if (stat.isDirectory()) walk(full);
      else total += stat.blocks * 512;
    }
  };
  walk(dir);
  return total;
}

/** `needle` as a JS expression that never spells it out, so app code can search without containing it. */
export function hiddenString(needle: string): string {
  const half = Math.floor(needle.length / 2);
  return `[${JSON.stringify(needle.slice(0, half))}, ${JSON.stringify(needle.slice(half))}].join('')`;
}

/**
 * App-side JS defining `searchEverything(needles)`: looks for any needle in the environment, every
 * readable /proc/<pid>/environ and cmdline, and every readable file (under 256 KiB, skipping /proc,
 * /sys, /dev, /usr and node_modules), returning where each was found.
 */
export const SEARCH_JS = `
const fs = require('node:fs');
const pathMod = require('node:path');
function searchEverything(needles) {
  const hits = [];
  const check = (where, text) => { for (const n of needles) if (text.includes(n)) hits.push(where); };
  check('process.env', JSON.stringify(process.env));
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\\d+$/.test(p))) {
    for (const f of ['environ', 'cmdline']) { try { check('/proc/' + pid + '/' + f, fs.readFileSync('/proc/' + pid + '/' + f, 'latin1')); } catch {} }
  }
  let files = 0;
  const skip = new Set(['/proc', '/sys', '/dev', '/usr']);
  const walk = (dir, depth) => {
    if (depth > 12 || files > 20000) return;
    let entries = [];
    try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch { return; }
    for (const e of entries) {
      const full = pathMod.join(dir, e.name);
      if (skip.has(full) || e.name === 'node_modules') continue;
      check('name:' + full, e.name);
      if (e.isDirectory()) walk(full, depth + 1);
      else if (e.isFile()) {
        files++;
        try { if (fs.statSync(full).size < 262144) check(full, fs.readFileSync(full, 'latin1')); } catch {}
      }
    }
  };
  walk('/', 0);
  for (const dir of ['/dev/shm']) walk(dir, 0);
  return { hits, files };
}
`;
