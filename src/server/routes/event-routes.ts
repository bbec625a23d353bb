import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { API_ERRORS, errorResponses, EventsHeadersSchema, EventsQuerySchema, IdParamsSchema, SessionEventSchema } from '../../api-schemas/index.ts';
import type { SessionEvent } from '../../api-types.ts';
import type { SessionService } from '../../orchestrator/index.ts';

const HEARTBEAT_MS = 15_000;
/** What EventSource waits before reconnecting (it then sends Last-Event-ID). */
const RETRY_MS = 2000;
/** When the node shuts down: come back soon, to whichever node the proxy sends the client to. */
const DRAIN_RETRY_MS = 250;

/** The session-events service as this route needs it. */
export interface SessionEventFollower {
  /**
   * The session's events after `afterSeq`: the stored log first, then live ones, in order and
   * without repeats. Ends after a terminal state (`destroyed`/`failed`) or when `signal` aborts.
   */
  follow(sessionId: string, afterSeq: number, signal: AbortSignal): AsyncIterable<SessionEvent>;
}

export interface EventRoutesDeps {
  sessions: Pick<SessionService, 'get'>;
  events: SessionEventFollower;
  /** Aborted when the node begins to drain: open streams end with a short retry hint. */
  shutdown?: AbortSignal;
}

function afterSeqOf(header: string | string[] | undefined, query: string | undefined): number {
  return Number((Array.isArray(header) ? header[0] : header) ?? query ?? 0) || 0;
}

const followEvents = {
  tags: ['sessions'],
  summary: "The session's events as Server-Sent Events",
  description:
    'Replayed from the start (or after `Last-Event-ID` / `?lastEventId=`), then live; the stream ends after `destroyed` or `failed`. Each event: `id` = seq, `event` = type, `data` = the JSON event below.',
  params: IdParamsSchema,
  querystring: EventsQuerySchema,
  headers: EventsHeadersSchema,
  response: {
    200: {
      description: 'an event stream; each `data:` line holds one SessionEvent',
      content: { 'text/event-stream': { schema: SessionEventSchema } },
    },
    ...errorResponses(...API_ERRORS, 'SESSION_NOT_FOUND'),
  },
};

/**
 * `GET /api/sessions/:id/events`: Server-Sent Events, replayed after Last-Event-ID and then live.
 * Written on the raw response because SSE is a few lines of framing; the stream ends after a
 * terminal state, and stops following when the client goes away.
 */
export const eventRoutes: FastifyPluginAsyncZod<EventRoutesDeps> = async (app, { sessions, events, shutdown }) => {
  // Open streams would hold the server's close() forever: on shutdown each gets a short retry
  // hint and ends, and its EventSource resumes from Last-Event-ID, missing nothing — on another
  // node, since this one no longer accepts connections.
  const open = new Map<AbortController, (text: string) => void>();
  let draining = false;
  const drain = (): void => {
    draining = true;
    for (const [stream, write] of open) {
      write(`retry: ${DRAIN_RETRY_MS}\n\n`);
      stream.abort();
    }
  };
  shutdown?.addEventListener('abort', drain, { once: true });
  if (shutdown?.aborted) drain();
  app.addHook('preClose', async () => drain());
  app.get('/api/sessions/:id/events', { schema: followEvents, config: { permission: 'sessions:read' } }, async (request, reply) => {
    const session = await sessions.get(request.ownerId, request.params.id);
    const afterSeq = afterSeqOf(request.headers['last-event-id'], request.query.lastEventId);
    const abort = new AbortController();
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    // A stream opened on a draining node (a kept-alive connection reused) is sent on at once.
    if (draining) return void res.end(`retry: ${DRAIN_RETRY_MS}\n\n`);
    res.write(`retry: ${RETRY_MS}\n\n`);
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    res.on('close', () => abort.abort());
    open.set(abort, (text) => res.write(text));
    void (async () => {
      try {
        for await (const e of events.follow(session.id, afterSeq, abort.signal)) {
          if (abort.signal.aborted) break;
          res.write(`id: ${e.seq}\nevent: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`);
        }
      } catch (err) {
        request.log.warn({ err }, 'event stream read failed');
      } finally {
        open.delete(abort);
        clearInterval(heartbeat);
        abort.abort();
        res.end();
      }
    })();
  });
};
