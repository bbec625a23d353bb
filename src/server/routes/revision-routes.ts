import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  API_ERRORS,
  BODY_ERRORS,
  errorResponses,
  FilesQuerySchema,
  IdParamsSchema,
  MessageListSchema,
  PostedMessageSchema,
  PostMessageRequestSchema,
  RestoredVersionSchema,
  RestoreParamsSchema,
  VersionFilesSchema,
  VersionListSchema,
} from '../../api-schemas/index.ts';
import type { Platform } from '../../orchestrator/index.ts';
import { withSpan } from '../../telemetry/index.ts';

export interface RevisionRoutesDeps {
  revisions: Pick<Platform['revisions'], 'postMessage' | 'messages' | 'versions' | 'files' | 'restore' | 'exportZip'>;
}

const tags = ['revisions'];

const postMessage = {
  tags,
  summary: 'Ask for a change to a running app',
  params: IdParamsSchema,
  body: PostMessageRequestSchema,
  response: {
    202: PostedMessageSchema.describe('queued; the result arrives on the event stream'),
    ...errorResponses(...API_ERRORS, ...BODY_ERRORS, 'PROMPT_EMPTY', 'PROMPT_TOO_LONG', 'SESSION_NOT_FOUND', 'SESSION_NOT_ACTIVE', 'EDITS_NEED_A_MODEL', 'EDIT_IN_PROGRESS', 'QUEUE_UNAVAILABLE'),
  },
};

const listMessages = {
  tags,
  summary: 'The conversation, starting with the original prompt',
  params: IdParamsSchema,
  response: { 200: MessageListSchema.describe('oldest first'), ...errorResponses(...API_ERRORS, 'SESSION_NOT_FOUND') },
};

const listVersions = {
  tags,
  summary: "The app's versions",
  params: IdParamsSchema,
  response: { 200: VersionListSchema.describe('every version and the current one'), ...errorResponses(...API_ERRORS, 'SESSION_NOT_FOUND') },
};

const getFiles = {
  tags,
  summary: "A version's files (default: the current version)",
  params: IdParamsSchema,
  querystring: FilesQuerySchema,
  response: { 200: VersionFilesSchema.describe('the files with their content'), ...errorResponses(...API_ERRORS, 'INVALID_REQUEST', 'SESSION_NOT_FOUND', 'VERSION_NOT_FOUND') },
};

const restoreVersion = {
  tags,
  summary: "A new version with version n's files",
  params: RestoreParamsSchema,
  response: {
    200: RestoredVersionSchema.describe('a web app: the new version is live'),
    202: RestoredVersionSchema.describe('an api app or script: a worker redeploys it (version null until then)'),
    ...errorResponses(...API_ERRORS, 'INVALID_REQUEST', 'SESSION_NOT_FOUND', 'VERSION_NOT_FOUND', 'SESSION_NOT_ACTIVE', 'EDIT_IN_PROGRESS', 'QUEUE_UNAVAILABLE'),
  },
};

const exportZip = {
  tags,
  summary: "The current version's sources as a ZIP",
  params: IdParamsSchema,
  response: {
    200: { description: 'attachment; filename="<title>.zip"', content: { 'application/zip': { schema: z.custom<Buffer>((v) => Buffer.isBuffer(v)).meta({ type: 'string', contentMediaType: 'application/zip' }) } } },
    ...errorResponses(...API_ERRORS, 'SESSION_NOT_FOUND', 'VERSION_NOT_FOUND'),
  },
};

/**
 * Follow-up edits, versions, restore and export of a session's app. The edit itself runs as a
 * job; its progress, log lines and result arrive on the session's event stream.
 */
export const revisionRoutes: FastifyPluginAsyncZod<RevisionRoutesDeps> = async (app, { revisions }) => {
  app.post('/api/sessions/:id/messages', { schema: postMessage, config: { permission: 'sessions:write', changes: { kind: 'sessions', param: 'id' } } }, async (request, reply) =>
    // The root of the edit's trace: the `session.edit` job carries its context to the worker.
    withSpan('POST /api/sessions/:id/messages', { 'http.request.method': 'POST', 'http.route': '/api/sessions/:id/messages', 'spawn.session.id': request.params.id }, async () =>
      reply.status(202).send(await revisions.postMessage(request.ownerId, request.params.id, request.body)),
    ),
  );

  app.get('/api/sessions/:id/messages', { schema: listMessages, config: { permission: 'sessions:read' } }, async (request) => revisions.messages(request.ownerId, request.params.id));

  app.get('/api/sessions/:id/versions', { schema: listVersions, config: { permission: 'sessions:read' } }, async (request) => revisions.versions(request.ownerId, request.params.id));

  app.get('/api/sessions/:id/files', { schema: getFiles, config: { permission: 'sessions:read' } }, async (request) => revisions.files(request.ownerId, request.params.id, request.query.version));

  app.post('/api/sessions/:id/versions/:n/restore', { schema: restoreVersion, config: { permission: 'sessions:write', changes: { kind: 'sessions', param: 'id' } } }, async (request, reply) => {
    const attributes = { 'http.request.method': 'POST', 'http.route': '/api/sessions/:id/versions/:n/restore', 'spawn.session.id': request.params.id };
    return withSpan('POST /api/sessions/:id/versions/:n/restore', attributes, async () => {
      const { queued, body } = await revisions.restore(request.ownerId, request.params.id, request.params.n);
      return reply.status(queued ? 202 : 200).send(body);
    });
  });

  app.get('/api/sessions/:id/export.zip', { schema: exportZip, config: { permission: 'sessions:read' } }, async (request, reply) => {
    const { filename, zip } = await revisions.exportZip(request.ownerId, request.params.id);
    return reply.header('content-type', 'application/zip').header('content-disposition', `attachment; filename="${filename}"`).send(zip);
  });
};
