import multipart from '@fastify/multipart';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { API_ERRORS, errorResponses, FileContentSchema, FileListSchema, FileUploadBodySchema, FileViewSchema, IdParamsSchema, TaskFileParamsSchema } from '../../api-schemas/index.ts';
import { SpawnError } from '../../errors/index.ts';
import { toFileView, type FileService, type TaskService } from '../../functions/index.ts';
import type { FileRecord } from '../../store/index.ts';

export interface FileRoutesDeps {
  files: Pick<FileService, 'upload' | 'get' | 'content' | 'listForTask' | 'taskFile' | 'maxBytes'>;
  /** Owner check of a task (another owner's task is TASK_NOT_FOUND). */
  tasks: Pick<TaskService, 'get'>;
}

const binary = { description: 'the file', content: { 'application/octet-stream': { schema: FileContentSchema } } };

const uploadFile = {
  tags: ['files'],
  summary: 'Upload a file (multipart/form-data, one part named `file`)',
  description: 'At most `SPAWN_FILE_MAX_MB`; the organisation\'s files together at most `SPAWN_FILE_QUOTA_MB`.',
  consumes: ['multipart/form-data'],
  body: FileUploadBodySchema,
  response: { 201: FileViewSchema.describe('the stored file'), ...errorResponses(...API_ERRORS, 'FILE_UPLOAD_INVALID', 'FILE_TOO_LARGE', 'FILE_QUOTA_EXCEEDED', 'BODY_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE') },
};

const downloadFile = { tags: ['files'], summary: 'Download a file', params: IdParamsSchema, response: { 200: binary, ...errorResponses(...API_ERRORS, 'FILE_NOT_FOUND') } };

const listTaskFiles = {
  tags: ['tasks'],
  summary: 'The files a task wrote under ./outputs/',
  params: IdParamsSchema,
  response: { 200: FileListSchema.describe('the files, by name'), ...errorResponses(...API_ERRORS, 'TASK_NOT_FOUND') },
};

const downloadTaskFile = {
  tags: ['tasks'],
  summary: 'Download one file a task wrote under ./outputs/',
  params: TaskFileParamsSchema,
  response: { 200: binary, ...errorResponses(...API_ERRORS, 'TASK_NOT_FOUND', 'FILE_NOT_FOUND') },
};

/** Multipart errors of @fastify/multipart → our codes (its own are 4xx/5xx with other shapes). */
function uploadError(err: unknown, maxBytes: number): SpawnError {
  const code = (err as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new SpawnError('FILE_TOO_LARGE', `the file is larger than ${maxBytes} bytes (SPAWN_FILE_MAX_MB)`, { details: { maxBytes } });
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return new SpawnError('FILE_UPLOAD_INVALID', 'send the file as multipart/form-data, one part named `file`');
  if (err instanceof SpawnError) return err;
  return new SpawnError('FILE_UPLOAD_INVALID', `the multipart body could not be read: ${(err as Error).message}`);
}

/**
 * Files are untrusted bytes served from the control plane's origin: always a download
 * (`attachment`), never sniffed, and sandboxed should a browser open one anyway (an SVG's script).
 */
function sendFile(reply: FastifyReply, file: FileRecord, content: Buffer): FastifyReply {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${file.name.replace(/"/g, '')}"`)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, max-age=3600')
    .send(content);
}

/** Upload and download files; a task's output files. */
export const fileRoutes: FastifyPluginAsyncZod<FileRoutesDeps> = async (app, { files, tasks }) => {
  // Multipart is parsed in this plugin only: every other route still refuses it (415).
  await app.register(multipart, { limits: { files: 1, fields: 0, parts: 2, headerPairs: 100 } });
  // The multipart plugin reads the body itself; the body schema only documents it.
  app.post('/api/files', { schema: uploadFile, config: { permission: 'functions:execute' }, validatorCompiler: () => (data) => ({ value: data }) }, async (request, reply) => {
    if (!request.isMultipart()) throw new SpawnError('FILE_UPLOAD_INVALID', 'send the file as multipart/form-data, one part named `file`');
    let part;
    let content: Buffer;
    try {
      part = await request.file({ limits: { fileSize: files.maxBytes } });
      if (!part || part.fieldname !== 'file') throw new SpawnError('FILE_UPLOAD_INVALID', 'the body has no part named `file`');
      content = await part.toBuffer();
    } catch (err) {
      throw uploadError(err, files.maxBytes);
    }
    const file = await files.upload(request.ownerId, { name: part.filename, content });
    return reply.status(201).send(toFileView(file));
  });

  app.get('/api/files/:id', { schema: downloadFile, config: { permission: 'functions:read' } }, async (request, reply) => {
    const file = await files.get(request.ownerId, request.params.id);
    return sendFile(reply, file, await files.content(file));
  });

  app.get('/api/tasks/:id/files', { schema: listTaskFiles, config: { permission: 'functions:read' } }, async (request) => {
    const task = await tasks.get(request.ownerId, request.params.id);
    return { files: (await files.listForTask(task.id)).map(toFileView) };
  });

  app.get('/api/tasks/:id/files/:name', { schema: downloadTaskFile, config: { permission: 'functions:read' } }, async (request, reply) => {
    const task = await tasks.get(request.ownerId, request.params.id);
    const file = await files.taskFile(task.id, request.params.name);
    return sendFile(reply, file, await files.content(file));
  });
};
