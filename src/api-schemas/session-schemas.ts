import { z } from 'zod';
import { isoDate, RecordedErrorSchema } from './common-schemas.ts';
import { APP_TYPES, EVENT_TYPES, SESSION_STATES, VISIBILITIES } from './enums.ts';

/** One image with the request, base64 in the JSON body (the body may then be up to 7 MiB). */
export const PromptImageInputSchema = z
  .strictObject({
    mediaType: z.string().meta({ description: '`image/png`, `image/jpeg` or `image/webp`; must match the bytes (IMAGE_TYPE_UNSUPPORTED)' }),
    data: z.string().meta({ description: 'the file, standard base64 without a `data:` prefix; at most 5 MB decoded (IMAGE_TOO_LARGE)' }),
  })
  .meta({ description: 'a sketch or screenshot for vision models; IMAGE_NOT_SUPPORTED when no model of the chain accepts images' });

/** The image kept with a session's first message (its bytes: `GET /api/sessions/:id/image`). */
export const PromptImageViewSchema = z.object({ mediaType: z.string(), bytes: z.number().int(), url: z.string().meta({ description: 'the path of the image, same token rules as the session' }) });

/**
 * `POST /api/sessions`. The shape is checked here; the rules that need the configuration or have
 * their own error code (PROMPT_EMPTY, PROMPT_TOO_LONG, INVALID_APP_TYPE, TTL_OUT_OF_RANGE) are the
 * session service's, so `appType` is accepted as any string and answered INVALID_APP_TYPE there.
 */
export const CreateSessionRequestSchema = z.strictObject({
  prompt: z.string().meta({ description: 'what the app should do: 1 to SPAWN_MAX_PROMPT_CHARS (2000) characters after trimming' }),
  appType: z
    .string()
    .meta({ enum: [...APP_TYPES], description: 'inferred from the prompt when omitted; another value is answered INVALID_APP_TYPE' })
    .optional(),
  ttlSeconds: z.number().meta({ description: 'lifetime in whole seconds, SPAWN_MIN_TTL_SECONDS to SPAWN_MAX_TTL_SECONDS (default 7200)' }).optional(),
  cache: z.boolean().meta({ description: '`false` skips the prompt cache: a fresh (paid) generation even for a prompt seen before' }).optional(),
  region: z.string().meta({ description: 'where the app runs: one of SPAWN_REGIONS (default SPAWN_DEFAULT_REGION); another value is answered INVALID_REGION' }).optional(),
  visibility: z.enum(VISIBILITIES).meta({ description: '`public` (default): anyone with the URL; `org`: signed-in members of its organisation' }).optional(),
  image: PromptImageInputSchema.optional(),
});

/** `POST /api/sessions` → 201 */
export const CreatedSessionSchema = z.object({
  id: z.string(),
  state: z.enum(SESSION_STATES),
  appType: z.enum(APP_TYPES),
  generator: z.string(),
  estimatedCost: z.number(),
  estimatedSeconds: z.number(),
  expiresAt: isoDate(),
  appUrl: z.string().nullable(),
  cached: z.boolean().meta({ description: 'true once the app was served from the prompt cache (known after generation; false at creation)' }).optional(),
});

/** What the verifier found about the version the session serves (see the README's Verification section). */
export const VerificationSchema = z.object({
  status: z.enum(['passed', 'problems', 'skipped']).meta({ description: '`skipped`: not checked (SPAWN_VERIFY=off, a script, or the browser could not run)' }),
  problems: z.array(
    z.object({
      kind: z.string().meta({ description: 'load-failed, http-status, exception, console-error, request-failed, empty-page or smoke-step' }),
      message: z.string(),
      where: z.string().meta({ description: 'e.g. `/app.js:2:10`, `GET /api/books → 404`, `step 2: click #add`' }).optional(),
    }),
  ),
  checkedAt: isoDate(),
  version: z.number().int().meta({ description: 'the version it is about' }),
});

/** `GET /api/sessions/:id` */
export const SessionViewSchema = z.object({
  id: z.string(),
  state: z.enum(SESSION_STATES),
  progress: z.number(),
  prompt: z.string(),
  title: z.string(),
  appType: z.enum(APP_TYPES),
  generator: z.string(),
  model: z.string().nullable(),
  appUrl: z.string().nullable().meta({ description: 'the app on its own origin, while it is running' }),
  createdAt: isoDate(),
  expiresAt: isoDate(),
  destroyedAt: isoDate().nullable(),
  estimatedCost: z.number(),
  actualCost: z.number().nullable(),
  error: RecordedErrorSchema,
  cached: z.boolean().meta({ description: "true when the app's files came from the prompt cache: no model call, $0 generation" }).optional(),
  verification: VerificationSchema.nullable().meta({ description: 'null until a version was deployed and checked' }).optional(),
  region: z.string().meta({ description: 'the region the app runs in' }).optional(),
  visibility: z.enum(VISIBILITIES).optional(),
  creatorId: z.string().nullable().meta({ description: 'the user who created it (null: before organisations existed)' }).optional(),
  image: PromptImageViewSchema.nullable().meta({ description: 'the image sent with the request, or null' }).optional(),
});

export const SessionListSchema = z.object({
  sessions: z.array(SessionViewSchema),
  nextCursor: z.string().nullable().meta({ description: 'pass as `?cursor=` for the next (older) page; null on the last page' }),
});

export const SessionListQuerySchema = z.object({
  limit: z.string().meta({ description: 'page size, 1 to 100 (default 20)' }).optional(),
  cursor: z.string().meta({ description: '`nextCursor` of the previous page' }).optional(),
});

export const ExtendRequestSchema = z.strictObject({
  ttlSeconds: z.number().meta({ description: 'new lifetime from now, capped at creation + SPAWN_MAX_TTL_SECONDS' }),
});

/** One Server-Sent Event of `GET /api/sessions/:id/events`; `seq` is the SSE id. */
export const SessionEventSchema = z.object({
  seq: z.number().int(),
  sessionId: z.string(),
  type: z.enum(EVENT_TYPES),
  at: isoDate(),
  data: z
    .record(z.string(), z.unknown())
    .meta({ description: '`state`: {state, progress, error?}; `progress`: {progress, step}; `log`: {level, message}; `file`: {path, status, bytes}' }),
});

export const EventsQuerySchema = z.object({
  lastEventId: z.string().meta({ description: 'replay after this sequence number (the `Last-Event-ID` header wins)' }).optional(),
  org: z.string().meta({ description: 'the organisation to act in, as the `X-Spawn-Org` header (which EventSource cannot send; the header wins)' }).optional(),
});

export const EventsHeadersSchema = z.looseObject({
  'last-event-id': z.string().meta({ description: 'replay after this sequence number (sent by EventSource on reconnect)' }).optional(),
});
