import { z } from 'zod';

/** `:id` of a resource; its format is checked by the service (an unknown id is a 404, not a 400). */
export const IdParamsSchema = z.object({ id: z.string().meta({ description: 'the resource id' }) });

export const isoDate = () => z.string().meta({ format: 'date-time' });

/** An open JSON object (inputs, outputs, event data): its keys belong to the caller. */
export const JsonObjectSchema = z.record(z.string(), z.unknown());

/** `{code, message}` recorded on a failed session, task or step (null while there is none). */
export const RecordedErrorSchema = z.object({ code: z.string(), message: z.string() }).nullable();

/** An id in a path: printable ASCII only, so a NUL or an emoji is a 400, never a store error. */
export const idText = (max: number) => z.string().min(1).max(max).regex(/^[\x21-\x7e]+$/, 'printable ASCII, no spaces');
