import http from 'node:http';
import { readFileSync, readdirSync } from 'node:fs';
import type { SandboxEndpoint } from '../../../src/runtime/index.ts';

export interface HttpAnswer {
  status: number;
  body: string;
}

/** One GET through whatever the driver returned: a Unix socket or a host TCP address. */
export function httpGet(endpoint: SandboxEndpoint, path: string, timeoutMs = 2_000): Promise<HttpAnswer> {
  const target =
    'socketPath' in endpoint ? { socketPath: endpoint.socketPath } : { host: endpoint.host, port: endpoint.port };
  return new Promise((resolve, reject) => {
    const req = http.get({ ...target, path, agent: false, timeout: timeoutMs }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
  });
}

/** Retries until the app answers 200 (start-up takes a moment), like the deploy health check. */
export async function waitForHttp(endpoint: SandboxEndpoint, path = '/', deadlineMs = 20_000): Promise<HttpAnswer> {
  const deadline = Date.now() + deadlineMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const answer = await httpGet(endpoint, path);
      if (answer.status === 200) return answer;
      lastError = new Error(`status ${answer.status}`);
    } catch (err) {
      lastError = err;
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`app never answered on ${JSON.stringify(endpoint)}: ${String(lastError)}`);
}

export async function waitUntil(check: () => Promise<boolean> | boolean, deadlineMs = 10_000): Promise<boolean> {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

/**
 * Host pids whose command line contains `marker`. Every sandbox (bwrap or container) runs on this
 * kernel, so the host's /proc sees its processes: a unique marker in argv finds leftovers.
 */
export function pidsWithMarker(marker: string): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8');
      const state = readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1]?.[0];
      if (cmdline.includes(marker) && state !== 'Z') pids.push(Number(name));
    } catch {
      // exited while we looked
    }
  }
  return pids;
}

/** A tiny app using only `http`: `/` answers JSON (proving `require('express')` works), `/exit` exits 3. */
export const SERVER_JS = `
const http = require('http');
let express;
try { express = typeof require('express'); } catch (err) { express = 'error: ' + err.message; }
http.createServer((req, res) => {
  if (req.url === '/exit') {
    res.end('bye');
    setTimeout(() => process.exit(3), 50);
    return;
  }
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ hello: 'from the sandbox', express }));
}).listen(Number(process.env.PORT));
`;
