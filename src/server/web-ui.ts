import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** Serves the built web UI at `/` with an SPA fallback; says how to build it when it is missing. */
export async function webUi(app: FastifyInstance): Promise<void> {
  if (!fs.existsSync(WEB_DIST)) {
    app.get('/', { config: { permission: 'public' } }, async (_req, reply) =>
      reply.type('text/plain; charset=utf-8').send('SpawnAI API is running. The web UI is not built: run `npm run build:web`.\n'),
    );
    return;
  }
  // `serve: false`: the plugin only lends reply.sendFile (path checks, ranges, ETags); the one route
  // below serves every file, so it carries the permission every route declares (public).
  await app.register(fastifyStatic, {
    root: WEB_DIST,
    serve: false,
    cacheControl: false,
    setHeaders(res, filePath) {
      // Hashed assets never change; the shell and the service worker must be re-checked each time.
      if (filePath.includes('/assets/')) res.setHeader('cache-control', 'public, max-age=31536000, immutable');
      else res.setHeader('cache-control', 'no-cache');
      if (filePath.endsWith('.webmanifest')) res.setHeader('content-type', 'application/manifest+json');
    },
  });
  // A built file when there is one; client-side routes (not /api, not a file) get the app shell.
  app.get('/*', { config: { permission: 'public' } }, async (request, reply) => {
    if (request.url.startsWith('/api/')) return reply.callNotFound();
    const wanted = (request.params as { '*': string })['*'];
    return reply.sendFile(isBuiltFile(wanted) ? wanted : 'index.html');
  });
}

/** A regular file inside the build (never a path that climbs out of it). */
function isBuiltFile(relative: string): boolean {
  if (!relative) return false;
  const full = path.resolve(WEB_DIST, relative);
  if (!full.startsWith(WEB_DIST + path.sep)) return false;
  try {
    return fs.statSync(full).isFile();
  } catch {
    return false;
  }
}
