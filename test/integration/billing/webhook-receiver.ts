import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
  json: { id: string; event: string; orgId: string; summary: string; data: Record<string, unknown> };
  /** Checked here as a receiver would, independently of the server's code: HMAC-SHA256 of "<ts>.<body>". */
  signatureValid: boolean;
}

/** A real local HTTP endpoint standing in for Slack or a customer's server; fails the first `failFirst` posts with 500. */
export async function startReceiver(): Promise<{ url: string; received: Received[]; secret: string; failFirst: number; close(): Promise<void> }> {
  const state = { received: [] as Received[], secret: '', failFirst: 0 };
  let seen = 0;
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      seen++;
      if (seen <= state.failFirst) {
        res.writeHead(500).end('try again');
        return;
      }
      const ts = String(req.headers['x-spawn-timestamp'] ?? '');
      const expected = `v1=${createHmac('sha256', state.secret).update(`${ts}.${body}`).digest('hex')}`;
      state.received.push({ headers: req.headers, body, json: JSON.parse(body) as Received['json'], signatureValid: req.headers['x-spawn-signature'] === expected });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}/hook`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

/** Polls until `check` returns a value (not undefined), for at most `ms`. */
export async function eventually<T>(check: () => T | undefined | Promise<T | undefined>, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
