import type { FastifyInstance } from 'fastify';
import type { ConfigView, HealthView } from '../../api-types.ts';
import type { Platform } from '../../orchestrator/index.ts';

const VERSION = '0.1.0';

async function within<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => (timer = setTimeout(() => resolve(fallback), ms)));
  try {
    return await Promise.race([promise.catch(() => fallback), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function systemRoutes(app: FastifyInstance, platform: Platform): void {
  app.get('/healthz', async (_request, reply) => {
    const [store, queue] = await Promise.all([within(platform.store.ping(), 2000, false), within(platform.queue.ping(), 2000, false)]);
    const body: HealthView = {
      status: store && queue ? 'ok' : 'degraded',
      checks: { store, queue },
      runtime: platform.runtime.name,
      isolation: platform.runtime.isolation,
      version: VERSION,
    };
    return reply.status(store && queue ? 200 : 503).send(body);
  });

  app.get('/metrics', async (_request, reply) => {
    const text = await platform.metrics.registry.metrics();
    return reply.type(platform.metrics.registry.contentType).send(text);
  });

  /** What the web UI needs to know about this server's limits and generator. */
  app.get('/api/config', async (): Promise<ConfigView> => ({
    maxPromptChars: platform.config.maxPromptChars,
    ttl: platform.config.ttl,
    generator: platform.sessions.generatorName === 'offline-template' ? 'offline-template' : 'llm',
    models: platform.models,
    appsDomain: platform.config.appsDomain,
  }));
}
