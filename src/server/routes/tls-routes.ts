import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, PUBLIC_ERRORS } from '../../api-schemas/index.ts';
import { ACTIVE_STATES, isSessionId } from '../../api-types.ts';
import type { SpawnConfig } from '../../config/index.ts';
import type { SessionRecord } from '../../store/index.ts';
import { TlsAskCache, type TlsAskCacheOptions } from '../tls-ask-cache.ts';

/** What `/tls/ask` needs to know; built from the config and the store by `tlsAskDeps`. */
export interface TlsAskDeps {
  /** The control plane's host name (from SPAWN_PUBLIC_URL; `localhost` without one). */
  controlPlaneHost: string;
  appsDomain: string;
  /** True while the session exists and its app is (or is about to be) served. */
  isLiveSession(id: string): Promise<boolean>;
  cache?: TlsAskCacheOptions;
}

/** RFC 1035: 253 characters in all; only LDH labels (Caddy sends the SNI name as received). */
const HOST_NAME = /^(?=.{1,253}$)[a-z0-9-]+(\.[a-z0-9-]+)*$/;

/** The deps from a node's config and store: one line for the caller. */
export function tlsAskDeps(config: Pick<SpawnConfig, 'publicUrl' | 'appsDomain'>, store: { sessions: { get(id: string): Promise<SessionRecord | null> } }): TlsAskDeps {
  return {
    controlPlaneHost: config.publicUrl ? new URL(config.publicUrl).hostname.toLowerCase() : 'localhost',
    appsDomain: config.appsDomain.toLowerCase(),
    async isLiveSession(id) {
      const s = await store.sessions.get(id);
      return s !== null && (ACTIVE_STATES as readonly string[]).includes(s.state) && s.expiresAt.getTime() > Date.now();
    },
  };
}

/**
 * `GET /tls/ask?domain=<host>`: Caddy's on-demand TLS asks here before it requests a certificate,
 * so it never asks a CA for names that are not ours (CAs rate-limit per domain; a flood of junk
 * names would exhaust them). 200 for the control-plane host and for `<id>.<appsDomain>` of a live
 * session; 404 for everything else. The body says nothing more than the app URL itself would.
 * Needs no auth (Caddy has no token) and is reached on the control-plane host only: app hosts
 * never get to the Fastify routes.
 */
const text = (description: string) => ({ description, content: { 'text/plain': { schema: z.string() } } });
const ask = {
  tags: ['system'],
  summary: "Caddy's on-demand TLS ask: may a certificate be requested for this host?",
  querystring: z.object({ domain: z.union([z.string(), z.array(z.string())]).meta({ description: 'the host name Caddy was asked for (SNI)' }).optional() }),
  response: {
    200: text('`ok`: the control-plane host or a live app host'),
    404: text('`no`: any other name'),
    429: text('too many store look-ups; Caddy retries'),
    ...errorResponses(...PUBLIC_ERRORS, 'STORE_UNAVAILABLE'),
  },
};

export const tlsRoutes: FastifyPluginAsyncZod<TlsAskDeps> = async (app, deps) => {
  const cache = new TlsAskCache((id) => deps.isLiveSession(id), deps.cache);

  app.get('/tls/ask', { schema: ask, config: { permission: 'public' } }, async (request, reply) => {
    // A repeated `domain` is not a name Caddy would send: it gets the same no as any other.
    const raw = request.query.domain;
    const domain = typeof raw === 'string' ? raw.toLowerCase().replace(/\.$/, '') : '';
    const suffix = `.${deps.appsDomain.toLowerCase()}`;
    void reply.header('cache-control', 'no-store').type('text/plain; charset=utf-8');
    if (!HOST_NAME.test(domain)) return reply.status(404).send('no\n');
    if (domain === deps.controlPlaneHost.toLowerCase()) return reply.status(200).send('ok\n');
    const label = domain.endsWith(suffix) ? domain.slice(0, -suffix.length) : '';
    if (!isSessionId(label)) return reply.status(404).send('no\n');
    const answer = await cache.ask(label);
    if (answer === 'rate-limited') return reply.status(429).header('retry-after', '1').send('slow down\n');
    return reply.status(answer === 'allowed' ? 200 : 404).send(answer === 'allowed' ? 'ok\n' : 'no\n');
  });
};
