import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../orchestrator/index.ts';

/**
 * Follow-up edits, versions, restore and export of a session's app. The edit itself runs as a
 * job; its progress, log lines and result arrive on the session's event stream.
 */
export function revisionRoutes(app: FastifyInstance, platform: Platform): void {
  const { revisions } = platform;

  app.post<{ Params: { id: string } }>('/api/sessions/:id/messages', async (request, reply) => {
    return reply.status(202).send(await revisions.postMessage(request.ownerId, request.params.id, request.body));
  });

  app.get<{ Params: { id: string } }>('/api/sessions/:id/messages', async (request) => {
    return revisions.messages(request.ownerId, request.params.id);
  });

  app.get<{ Params: { id: string } }>('/api/sessions/:id/versions', async (request) => {
    return revisions.versions(request.ownerId, request.params.id);
  });

  app.get<{ Params: { id: string }; Querystring: { version?: string } }>('/api/sessions/:id/files', async (request) => {
    return revisions.files(request.ownerId, request.params.id, request.query.version);
  });

  app.post<{ Params: { id: string; n: string } }>('/api/sessions/:id/versions/:n/restore', async (request, reply) => {
    const { queued, body } = await revisions.restore(request.ownerId, request.params.id, request.params.n);
    return reply.status(queued ? 202 : 200).send(body);
  });

  app.get<{ Params: { id: string } }>('/api/sessions/:id/export.zip', async (request, reply) => {
    const { filename, zip } = await revisions.exportZip(request.ownerId, request.params.id);
    return reply.header('content-type', 'application/zip').header('content-disposition', `attachment; filename="${filename}"`).send(zip);
  });
}
