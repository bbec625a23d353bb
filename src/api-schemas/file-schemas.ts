import { z } from 'zod';
import { isoDate } from './common-schemas.ts';

/** `POST /api/files` → 201, `GET /api/tasks/:id/files` (each entry). */
export const FileViewSchema = z.object({
  id: z.string().meta({ description: 'pass it as `{"$file": "<id>"}` in inputs; the function receives the path of a read-only copy' }),
  name: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  taskId: z.string().nullable().meta({ description: 'for a function output: the task that wrote it' }),
  createdAt: isoDate(),
});

export const FileListSchema = z.object({ files: z.array(FileViewSchema) });

export const TaskFileParamsSchema = z.object({
  id: z.string().meta({ description: 'the task id' }),
  name: z.string().meta({ description: 'the file name, as listed by `GET /api/tasks/{id}/files`' }),
});

/** A multipart upload: one part named `file` (its filename is kept, made safe). */
export const FileUploadBodySchema = z.object({ file: z.string().meta({ format: 'binary', description: 'the file' }) });

/** A downloaded file: any bytes. */
export const FileContentSchema = z.custom<Buffer>((v) => Buffer.isBuffer(v)).meta({ type: 'string', format: 'binary' });
