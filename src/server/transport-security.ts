import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import type { SpawnConfig } from '../config/index.ts';

/** One year, as browsers' preload lists expect; subdomains are not included (apps live elsewhere). */
const HSTS = 'max-age=31536000';

/**
 * Fastify's `trustProxy`: `X-Forwarded-For`, `-Proto` and `-Host` are believed only from the
 * configured reverse proxies (proxy-addr matches addresses and CIDR ranges); from any other peer
 * they are ignored, so a client cannot claim another address or scheme by sending them itself.
 */
export function trustProxyOption(config: Pick<SpawnConfig, 'http'>): FastifyServerOptions['trustProxy'] {
  return config.http.trustedProxies.length > 0 ? [...config.http.trustedProxies] : false;
}

/**
 * Under an `https://` public URL the control plane tells browsers to come back over HTTPS only
 * (HSTS). App origins are answered by the app proxy, outside Fastify, and never get this header
 * from SpawnAI: an app host's policy is its own (the Caddy front adds one for them).
 */
export function installTransportSecurity(app: FastifyInstance, config: Pick<SpawnConfig, 'publicUrl'>): void {
  if (!config.publicUrl?.startsWith('https://')) return;
  app.addHook('onSend', async (_request, reply, payload) => {
    if (!reply.hasHeader('strict-transport-security')) void reply.header('strict-transport-security', HSTS);
    return payload;
  });
}
