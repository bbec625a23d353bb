import type { FastifyInstance } from 'fastify';
import type { SessionEvent } from '../../api-types.ts';
import { toSessionEvent, type Platform } from '../../orchestrator/index.ts';

const HEARTBEAT_MS = 15_000;
/** Safety net for a missed live message (bus blip): re-read the log this often. */
const CATCH_UP_MS = 5_000;

function isTerminal(e: SessionEvent): boolean {
  return e.type === 'state' && (e.data.state === 'destroyed' || e.data.state === 'failed');
}

/**
 * `GET /api/sessions/:id/events`: Server-Sent Events replayed from the stored log (after
 * Last-Event-ID) and then live. The store is the order of record: a live message only triggers a
 * read of what follows the last id sent, so nothing is skipped or sent twice. Written on the raw
 * response because SSE is a few lines of framing; the stream ends after a terminal state.
 */
export function eventRoutes(app: FastifyInstance, platform: Platform): void {
  app.get<{ Params: { id: string }; Querystring: { lastEventId?: string } }>('/api/sessions/:id/events', async (request, reply) => {
    const session = await platform.sessions.get(request.ownerId, request.params.id);
    const header = request.headers['last-event-id'];
    let sent = Number((Array.isArray(header) ? header[0] : header) ?? request.query.lastEventId ?? 0) || 0;
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write('retry: 2000\n\n');
    let closed = false;
    let chain = Promise.resolve();
    const close = (): void => {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      clearInterval(catchUp);
      unsubscribe?.();
      res.end();
    };
    const drain = (): void => {
      chain = chain
        .then(async () => {
          while (!closed) {
            const batch = await platform.store.events.list(session.id, sent, 500);
            for (const stored of batch) {
              const e = toSessionEvent(stored);
              sent = e.seq;
              res.write(`id: ${e.seq}\nevent: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`);
              if (isTerminal(e)) return close();
            }
            if (batch.length < 500) return;
          }
        })
        .catch((err: unknown) => {
          request.log.warn({ err }, 'event stream read failed');
          close();
        });
    };
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    const catchUp = setInterval(drain, CATCH_UP_MS);
    request.raw.on('close', close);
    let unsubscribe: (() => void) | undefined = undefined;
    const off = await platform.bus.subscribe(session.id, (e) => {
      if (e.seq > sent) drain();
    });
    if (closed) off();
    else unsubscribe = off;
    drain();
  });
}
