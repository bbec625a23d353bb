import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installErrorHandling, toHttpError } from '../../../src/server/errors.ts';
import { installJsonBodyParser } from '../../../src/server/json-body.ts';
import { requestLimits } from '../../../src/server/request-limits.ts';
import { openKeptAlive, rawExchange } from '../../support/raw-http.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The wiring of http-server.ts on a bare Fastify, with 1 s timeouts. */
async function startServer(routes: (app: FastifyInstance) => void, maxConnectionsPerClient = 256): Promise<{ app: FastifyInstance; port: number }> {
  const limits = requestLimits({ maxJsonDepth: 64, requestTimeoutSeconds: 1, handlerTimeoutSeconds: 1, maxConnectionsPerClient, trustedProxies: [] });
  const app = Fastify({ clientErrorHandler: limits.clientErrorHandler, serverFactory: (handler) => limits.attach(http.createServer(limits.serverOptions, handler)) });
  installErrorHandling(app);
  installJsonBodyParser(app, { maxDepth: 64 });
  limits.install(app);
  app.server.on('upgrade', (_req, socket) => {
    socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: test\r\nConnection: Upgrade\r\n\r\n');
    socket.resume().on('end', () => socket.destroy()); // read, so the client's close is seen
  });
  routes(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, port: (app.server.address() as AddressInfo).port };
}

async function stop(app: FastifyInstance): Promise<void> {
  app.server.closeAllConnections(); // fetch keeps its sockets alive; close() would wait for them
  await app.close();
}

describe('request limits', () => {
  let app: FastifyInstance;
  let port: number;
  let handled = 0;
  beforeAll(async () => {
    ({ app, port } = await startServer((a) => {
      a.post('/echo', async (request) => {
        handled++;
        return { body: request.body };
      });
      a.get('/slow', async () => {
        await sleep(3000);
        return { late: true };
      });
      a.post('/wait', async (request) => {
        await sleep(((request.body as { wait: number }).wait ?? 0) * 1000);
        return { waited: true };
      });
      a.get('/stream', (_request, reply) => {
        reply.raw.writeHead(200, { 'content-type': 'text/plain' });
        reply.raw.write('start\n');
        setTimeout(() => reply.raw.end('end\n'), 2500);
        reply.hijack();
      });
      a.get('/ok', async () => ({ ok: true }));
    }));
  });
  afterAll(() => stop(app));

  it('answers a stalled body 408 REQUEST_TIMEOUT and closes, without running the handler', async () => {
    const before = handled;
    const answer = await rawExchange(port, ['POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"prompt":'], 5000);
    expect(answer.closed).toBe(true);
    expect(answer.ms).toBeLessThan(2500);
    expect(answer.text).toMatch(/^HTTP\/1\.1 408 /);
    const body = JSON.parse(answer.text.slice(answer.text.indexOf('\r\n\r\n') + 4)) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('REQUEST_TIMEOUT');
    expect(body.error.message).toContain('SPAWN_REQUEST_TIMEOUT_SECONDS');
    expect(handled).toBe(before);
  });

  it('closes stalled headers and connections that send nothing', async () => {
    const headers = await rawExchange(port, ['GET /ok HTTP/1.1\r\nHost: x\r\n'], 5000);
    expect([headers.closed, headers.ms < 2500]).toEqual([true, true]);
    const silent = await rawExchange(port, [], 5000);
    expect([silent.closed, silent.text, silent.ms < 2500]).toEqual([true, '', true]);
  });

  it('answers 503 HANDLER_TIMEOUT when a complete request gets no answer in time', async () => {
    const started = Date.now();
    const res = await fetch(`http://127.0.0.1:${port}/slow`);
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('HANDLER_TIMEOUT');
    expect(Date.now() - started).toBeLessThan(2500);
    expect(res.headers.get('retry-after')).toBe('5');
  });

  it('adds the `wait` a request asks for, and leaves started answers and hijacked streams alone', async () => {
    const waited = await fetch(`http://127.0.0.1:${port}/wait`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"wait": 2}' });
    expect([waited.status, await waited.json()]).toEqual([200, { waited: true }]);
    const stream = await fetch(`http://127.0.0.1:${port}/stream`);
    expect([stream.status, await stream.text()]).toEqual([200, 'start\nend\n']);
  });

  it('keeps an upgraded connection past the request timeout', async () => {
    const answer = await rawExchange(port, ['GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: test\r\nConnection: Upgrade\r\n\r\n'], 2500);
    expect(answer.text).toMatch(/^HTTP\/1\.1 101 /);
    expect(answer.closed).toBe(false);
  });

  it('counts a client gone mid-body (the socket a timeout closed) as its own failure, not the store\'s', () => {
    const aborted = Object.assign(new Error('aborted'), { code: 'ECONNRESET', statusCode: 400 });
    expect(toHttpError(aborted).code).toBe('INVALID_REQUEST');
    const pg = 'postgres://postgres@127.0.0.1:5433/spawnai';
    expect(toHttpError(Object.assign(new Error('connect'), { code: 'ECONNRESET', port: 5433 }), pg).code).toBe('STORE_UNAVAILABLE');
    expect(toHttpError(Object.assign(new Error('connect'), { code: 'ECONNREFUSED', port: 6379 }), pg).code).toBe('INTERNAL_ERROR');
    expect(toHttpError(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' })).code).toBe('STORE_UNAVAILABLE');
  });

  it('closes connections past the per-client cap at once, and counts closed ones out', async () => {
    const capped = await startServer((a) => a.get('/ok', async () => ({ ok: true })), 3);
    try {
      const kept = [await openKeptAlive(capped.port, '/ok'), await openKeptAlive(capped.port, '/ok'), await openKeptAlive(capped.port, '/ok')];
      expect(kept.map((k) => k.status)).toEqual([200, 200, 200]);
      const refused = await rawExchange(capped.port, ['GET /ok HTTP/1.1\r\nHost: x\r\n\r\n'], 2000);
      expect([refused.closed, refused.text]).toEqual([true, '']);
      kept[0]?.socket.destroy();
      await sleep(100);
      const again = await openKeptAlive(capped.port, '/ok');
      expect(again.status).toBe(200);
      for (const k of [...kept, again]) k.socket.destroy();
    } finally {
      await stop(capped.app);
    }
  });
});
