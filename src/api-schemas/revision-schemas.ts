import { z } from 'zod';
import { isoDate } from './common-schemas.ts';
import { PromptImageViewSchema } from './session-schemas.ts';
import { MESSAGE_ROLES, MESSAGE_STATUSES, VERSION_SOURCES } from './enums.ts';

/** `POST /api/sessions/:id/messages`: a follow-up change to a running app (PROMPT_EMPTY / PROMPT_TOO_LONG are the service's). */
export const PostMessageRequestSchema = z.strictObject({
  prompt: z.string().meta({ description: 'the change, in words: 1 to SPAWN_MAX_PROMPT_CHARS characters after trimming' }),
});

/** `POST /api/sessions/:id/messages` → 202; the change runs as a job, followed on the event stream. */
export const PostedMessageSchema = z.object({ messageId: z.string() });

/** One turn of `GET /api/sessions/:id/messages`, oldest first; the first is the original prompt. */
export const MessageViewSchema = z.object({
  id: z.string(),
  role: z.enum(MESSAGE_ROLES),
  content: z.string(),
  version: z.number().int().meta({ description: 'assistant: the version its change produced' }).optional(),
  status: z.enum(MESSAGE_STATUSES).meta({ description: 'user: `pending` until the change is live (`done`) or has `failed`' }).optional(),
  image: PromptImageViewSchema.meta({ description: 'the first message: the image sent with the request' }).optional(),
  createdAt: isoDate(),
});

export const MessageListSchema = z.object({ messages: z.array(MessageViewSchema) });

/** `GET /api/sessions/:id/versions` */
export const VersionListSchema = z.object({
  current: z.number().int().nullable().meta({ description: 'the version live at the app URL (null before the first deploy)' }),
  versions: z.array(
    z.object({
      version: z.number().int(),
      createdAt: isoDate(),
      files: z.number().int(),
      source: z.enum(VERSION_SOURCES),
      message: z.string().optional(),
    }),
  ),
});

/** `GET /api/sessions/:id/files?version=N` (default: the current version). */
export const VersionFilesSchema = z.object({
  version: z.number().int(),
  files: z.array(z.object({ path: z.string(), size: z.number().int(), content: z.string() })),
});

export const FilesQuerySchema = z.object({
  version: z.string().meta({ description: 'a version number (default: the current version)' }).optional(),
});

export const RestoreParamsSchema = z.object({
  id: z.string().meta({ description: 'the session id' }),
  n: z.string().meta({ description: 'the version to restore (a positive whole number)' }),
});

/** `POST /api/sessions/:id/versions/:n/restore`: 200 with the new version (web apps), or 202 with null while a worker redeploys. */
export const RestoredVersionSchema = z.object({
  messageId: z.string(),
  version: z.number().int().nullable(),
});
