import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionEvent } from '../../../src/api-types.ts';
import { SpawnError } from '../../../src/errors/index.ts';
import { createEventBus } from '../../../src/events/index.ts';
import { eventRoutes, type SessionEventFollower } from '../../../src/server/routes/event-routes.ts';
import { sessionFollowAdapter } from '../../../src/server/session-follow-adapter.ts';
import type { StoredEvent } from '../../../src/store/index.ts';
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
});

describe('session follow adapter (the replay the lead replaces with SessionEvents.follow)', () => {
  function store() {
    const events: StoredEvent[] = [];
    return {
      events,
      repo: { list: async (_id: string, after = 0, limit = 500) => events.filter((e) => e.seq > after).slice(0, limit) },
      add(type: StoredEvent['type'], data: Record<string, unknown>) {
        const e: StoredEvent = { seq: events.length + 1, sessionId: ID, type, at, data };
        events.push(e);
        return e;
      },
    };
  }

  it('replays after afterSeq, then yields live events in order, and ends after a terminal state', async () => {
    const s = store();
    const bus = createEventBus({});
    s.add('state', { state: 'requested' });
    s.add('log', { message: 'one' });
    const follower = sessionFollowAdapter({ events: s.repo, bus });
    const seen: number[] = [];
    const done = (async () => {
      for await (const e of follower.follow(ID, 1, new AbortController().signal)) {
        seen.push(e.seq);
        if (e.seq === 2) {
          // Live from here: stored first, then announced, as SessionEvents.emit does.
          for (const [type, data] of [['log', { message: 'two' }], ['state', { state: 'destroyed' }], ['log', { message: 'after the end' }]] as const) {
            const stored = s.add(type, data);
            await bus.publish({ seq: stored.seq, sessionId: ID, type, at: at.toISOString(), data });
          }
        }
      }
    })();
    await done;
    expect(seen).toEqual([2, 3, 4]);
    await bus.close();
  });

  it('stops when the signal aborts, even while waiting for live events', async () => {
    const s = store();
    const bus = createEventBus({});
    s.add('state', { state: 'running' });
    const abort = new AbortController();
    const seen: number[] = [];
    const done = (async () => {
      for await (const e of sessionFollowAdapter({ events: s.repo, bus }).follow(ID, 0, abort.signal)) seen.push(e.seq);
    })();
    await expect.poll(() => seen).toEqual([1]);
    abort.abort();
    await done;
    await bus.close();
  });
});
