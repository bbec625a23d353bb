import Fastify, { type FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { loadConfig, type SpawnConfig } from '../../../src/config/index.ts';
import { SpawnError } from '../../../src/errors/index.ts';
import { installRouteSupport } from '../../../src/server/route-support.ts';

export type ErrorBody = { error: { code: string; message: string } };

/** The owner a request acts as: the `x-owner` header (stands in for the bearer-token lookup), `alice` by default. */
export const OWNER_HEADER = 'x-owner';

/**
 * One route plugin on a bare Fastify instance with the server's validation, serialization and
 * error handling, and a stand-in auth hook; nothing else of the server or the platform.
 */
export async function routeApp<D extends object>(plugin: FastifyPluginAsyncZod<D>, deps: D): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  installRouteSupport(app);
  app.addHook('onRequest', async (request) => {
    const owner = request.headers[OWNER_HEADER];
    if (owner === 'nobody') throw new SpawnError('AUTH_REQUIRED');
    request.ownerId = typeof owner === 'string' ? owner : 'alice';
  });
  await app.register(plugin, deps);
  await app.ready();
  return app;
}

export function testConfig(env: Record<string, string> = {}): SpawnConfig {
  return loadConfig({}, { SPAWN_DATA_DIR: '/tmp/spawnai-route-tests', SPAWN_LOG_LEVEL: 'error', ...env });
}

export const at = new Date('2026-01-02T03:04:05.000Z');
