import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionEvent } from '../../../src/api-types.ts';
import { SpawnError } from '../../../src/errors/index.ts';
import { eventRoutes, type SessionEventFollower } from '../../../src/server/routes/event-routes.ts';
import { at, routeApp, type ErrorBody } from './route-app.ts';

const ID = 's'.padEnd(26, 'a');

function event(seq: number, type: SessionEvent['type'], data: Record<string, unknown>): SessionEvent {
  return { seq, sessionId: ID, type, at: at.toISOString(), data };
}

const sessions = {
  async get(ownerId: string, id: string) {
    if (ownerId !== 'alice' || id !== ID) throw new SpawnError('SESSION_NOT_FOUND', `no session ${id}`);
    return { id } as never;
  },
};

/** Follows a fixed log: what the route does with the events, not how they are found. */
function fixedLog(log: SessionEvent[]) {
  const calls: { sessionId: string; afterSeq: number; signal: AbortSignal }[] = [];
  const follower: SessionEventFollower = {
    async *follow(sessionId, afterSeq, signal) {
      calls.push({ sessionId, afterSeq, signal });
      for (const e of log) if (e.seq > afterSeq) yield e;
    },
  };
  return { follower, calls };
}

function parseSse(text: string) {
  return text
    .split('\n\n')
    .filter((b) => b.includes('data:'))
    .map((b) => Object.fromEntries(b.split('\n').map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()])) as { id: string; event: string; data: string });
}

describe('event routes', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  const log = [event(1, 'state', { state: 'requested', progress: 0 }), event(2, 'log', { level: 'info', message: 'hi' }), event(3, 'state', { state: 'destroyed', progress: 100 })];

  it('streams the followed events as SSE: retry first, then id/event/data per event', async () => {
    const { follower, calls } = fixedLog(log);
    app = await routeApp(eventRoutes, { sessions, events: follower });
    const res = await app.inject({ url: `/api/sessions/${ID}/events` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache, no-transform');
    expect(res.body.startsWith('retry: 2000\n\n')).toBe(true);
    const frames = parseSse(res.body);
    expect(frames.map((f) => [f.id, f.event])).toEqual([['1', 'state'], ['2', 'log'], ['3', 'state']]);
    expect(JSON.parse(frames[1]!.data)).toEqual(log[1]);
    expect(calls[0]).toMatchObject({ sessionId: ID, afterSeq: 0 });
    expect(calls[0]!.signal.aborted).toBe(true); // released once the stream ended
  });

  it('resumes after Last-Event-ID, or ?lastEventId= when there is no header', async () => {
    const { follower, calls } = fixedLog(log);
    app = await routeApp(eventRoutes, { sessions, events: follower });
    const resumed = await app.inject({ url: `/api/sessions/${ID}/events?lastEventId=1`, headers: { 'last-event-id': '2' } });
    expect(parseSse(resumed.body).map((f) => f.id)).toEqual(['3']);
    await app.inject({ url: `/api/sessions/${ID}/events?lastEventId=1` });
    await app.inject({ url: `/api/sessions/${ID}/events?lastEventId=garbage` });
    expect(calls.map((c) => c.afterSeq)).toEqual([2, 1, 0]);
  });

  it('answers 404 SESSION_NOT_FOUND as JSON before any stream for an unknown or foreign session', async () => {
    const { follower, calls } = fixedLog(log);
    app = await routeApp(eventRoutes, { sessions, events: follower });
    for (const headers of [{}, { 'x-owner': 'bob' }]) {
      const res = await app.inject({ url: `/api/sessions/${headers['x-owner'] ? ID : 'nope'}/events`, headers });
      expect(res.statusCode).toBe(404);
      expect(res.json<ErrorBody>().error.code).toBe('SESSION_NOT_FOUND');
    }
    expect(calls).toHaveLength(0);
  });

  it('aborts the follow when the client goes away', async () => {
    let signal: AbortSignal | undefined;
    const endless: SessionEventFollower = {
      async *follow(_id, _after, s) {
        signal = s;
        yield event(1, 'state', { state: 'running' });
        await new Promise((resolve) => s.addEventListener('abort', resolve));
      },
    };
    app = await routeApp(eventRoutes, { sessions, events: endless });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    await new Promise<void>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port, path: `/api/sessions/${ID}/events` }, (res) => {
        res.once('data', () => {
          req.destroy();
          resolve();
        });
      });
      req.on('error', reject);
    });
    await expect.poll(() => signal?.aborted).toBe(true);
  });

  it('ends open streams with a short retry hint when the server closes, so close() does not hang', async () => {
    const endless: SessionEventFollower = {
      async *follow(_id, _after, s) {
        yield event(1, 'state', { state: 'running' });
        await new Promise((resolve) => s.addEventListener('abort', resolve));
      },
    };
    app = await routeApp(eventRoutes, { sessions, events: endless });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    let received = '';
    const ended = new Promise<void>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port, path: `/api/sessions/${ID}/events` }, (res) => {
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (received += chunk));
        res.on('end', resolve);
      });
      req.on('error', reject);
    });
    await expect.poll(() => received).toContain('id: 1');
    const closing = app.close();
    await ended;
    await closing;
    app = undefined;
    expect(received.trimEnd().endsWith('retry: 250')).toBe(true);
  });

  it('on the node shutdown signal ends open streams with the hint, and answers a new stream with the hint alone', async () => {
    const endless: SessionEventFollower = {
      async *follow(_id, _after, s) {
        yield event(1, 'state', { state: 'running' });
        await new Promise((resolve) => s.addEventListener('abort', resolve));
      },
    };
    const shutdown = new AbortController();
    app = await routeApp(eventRoutes, { sessions, events: endless, shutdown: shutdown.signal });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const read = () =>
      new Promise<{ status: number; body: string; ended: Promise<void> }>((resolve, reject) => {
        const req = http.get({ host: '127.0.0.1', port, path: `/api/sessions/${ID}/events` }, (res) => {
          const out = { status: res.statusCode ?? 0, body: '', ended: new Promise<void>((r) => res.on('end', r)) };
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (out.body += chunk));
          resolve(out);
        });
        req.on('error', reject);
      });
    const open = await read();
    await expect.poll(() => open.body).toContain('id: 1');
    shutdown.abort();
    await open.ended;
    expect(open.body.trimEnd().endsWith('retry: 250')).toBe(true);
    const late = await read();
    await late.ended;
    expect(late.status).toBe(200);
    expect(late.body).toBe('retry: 250\n\n');
  });
});
