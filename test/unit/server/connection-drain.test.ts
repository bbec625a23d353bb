import http from 'node:http';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { trackConnections } from '../../../src/server/connection-drain.ts';

/** A kept-alive client connection that sends requests one at a time and reads whole answers. */
function keptAlive(port: number) {
  const socket = net.connect(port, '127.0.0.1');
  let buffer = '';
  let waiting: (() => void) | null = null;
  const events: string[] = [];
  socket.setEncoding('utf8');
  socket.on('data', (d: string) => {
    buffer += d;
    waiting?.();
  });
  socket.on('end', () => events.push('end'));
  socket.on('error', (err: NodeJS.ErrnoException) => events.push(err.code ?? 'error'));
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  const connected = new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  return {
    events,
    closed,
    async request(path: string): Promise<{ status: number; headers: string; body: string }> {
      await connected;
      socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
      for (;;) {
        const match = /^HTTP\/1\.1 (\d+)[^\r]*\r\n([\s\S]*?)\r\n\r\n/.exec(buffer);
        const length = Number(/content-length: (\d+)/i.exec(match?.[2] ?? '')?.[1] ?? -1);
        if (match && buffer.length >= match[0].length + length) {
          const body = buffer.slice(match[0].length, match[0].length + length);
          buffer = buffer.slice(match[0].length + length);
          return { status: Number(match[1]), headers: match[2]!.toLowerCase(), body };
        }
        await new Promise<void>((resolve) => (waiting = resolve));
      }
    },
  };
}

describe('connection drain', () => {
  let server: http.Server | undefined;
  afterEach(() => {
    server?.closeAllConnections();
    server = undefined;
  });

  it('finishes the answer in flight, serves a request on a kept-alive connection with Connection: close, refuses new connections and closes idle ones without a reset', async () => {
    let release: () => void = () => undefined;
    const slow = new Promise<void>((resolve) => (release = resolve));
    server = http.createServer((req, res) => {
      const answer = () => res.writeHead(200, { 'content-type': 'text/plain', 'content-length': 2, connection: 'keep-alive' }).end('ok');
      if (req.url === '/slow') void slow.then(answer);
      else answer();
    });
    const drain = trackConnections(server);
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;

    const inFlight = keptAlive(port);
    const reused = keptAlive(port);
    const idle = keptAlive(port);
    expect((await reused.request('/fast')).headers).toContain('connection: keep-alive');
    expect((await idle.request('/fast')).status).toBe(200);
    const slowAnswer = inFlight.request('/slow');
    await new Promise((r) => setTimeout(r, 50)); // the slow request has reached the handler

    const drained = drain.drain(10_000);
    expect(drain.signal.aborted).toBe(true);
    // A request on a connection the client kept: served, and told this connection ends.
    const late = await reused.request('/fast');
    expect(late.status).toBe(200);
    expect(late.headers).toContain('connection: close');
    await reused.closed;
    // No new connection is accepted.
    await expect(new Promise((resolve, reject) => net.connect(port, '127.0.0.1', () => resolve('connected')).on('error', reject))).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    // The answer in flight completes, with Connection: close (its headers were not sent yet).
    release();
    const answered = await slowAnswer;
    expect(answered).toMatchObject({ status: 200, body: 'ok' });
    expect(answered.headers).toContain('connection: close');
    // The idle connection is closed once out of use, with a FIN rather than a reset.
    await idle.closed;
    await drained;
    expect(idle.events).not.toContain('ECONNRESET');
    expect(reused.events).not.toContain('ECONNRESET');
  });

  it('ends upgraded connections at once and cuts what is still busy after the grace period', async () => {
    server = http.createServer(() => undefined); // never answers
    server.on('upgrade', () => undefined); // keeps upgraded sockets open
    const drain = trackConnections(server);
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    const upgraded = net.connect(port, '127.0.0.1', () => upgraded.write('GET / HTTP/1.1\r\nHost: x\r\nConnection: upgrade\r\nUpgrade: websocket\r\n\r\n'));
    const stuck = net.connect(port, '127.0.0.1', () => stuck.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n'));
    upgraded.on('error', () => undefined);
    stuck.on('error', () => undefined);
    await new Promise((r) => setTimeout(r, 100));
    const upgradedClosed = new Promise((resolve) => upgraded.on('close', resolve));
    const stuckClosed = new Promise((resolve) => stuck.on('close', resolve));
    await drain.drain(300);
    await upgradedClosed;
    await stuckClosed;
  });
});
