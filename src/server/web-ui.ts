import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** Serves the built web UI at `/` with an SPA fallback; says how to build it when it is missing. */
export async function webUi(app: FastifyInstance): Promise<void> {
  if (!fs.existsSync(WEB_DIST)) {
    app.get('/', async (_req, reply) =>
      reply.type('text/plain; charset=utf-8').send('SpawnAI API is running. The web UI is not built: run `npm run build:web`.\n'),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root: WEB_DIST,
    wildcard: false,
    index: ['index.html'],
    cacheControl: false,
    setHeaders(res, filePath) {
      // Hashed assets never change; the shell and the service worker must be re-checked each time.
      if (filePath.includes('/assets/')) res.setHeader('cache-control', 'public, max-age=31536000, immutable');
      else res.setHeader('cache-control', 'no-cache');
      if (filePath.endsWith('.webmanifest')) res.setHeader('content-type', 'application/manifest+json');
    },
  });
  // Client-side routes (not /api, not a file) get the app shell.
  app.get('/*', async (request, reply) => {
    if (request.url.startsWith('/api/')) return reply.callNotFound();
    return reply.sendFile('index.html');
  });
}
