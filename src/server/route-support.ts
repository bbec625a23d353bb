import type { FastifyInstance } from 'fastify';
import { serializerCompiler } from 'fastify-type-provider-zod';
import { installErrorHandling } from './errors.ts';
import { zodValidatorCompiler } from './zod-validation.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling: set by the auth hook for every `/api/` request (see auth.ts). */
    ownerId: string;
    /** The signed-in user behind the call when known (a browser session; empty otherwise). */
    userId: string;
  }
}

/**
 * What every route plugin relies on, on any Fastify instance (the real server or a bare one in a
 * test): zod validation with the API's error codes, zod serialization (answers carry exactly their
 * schema's fields), `{error: {code, message}}` errors, and `request.ownerId`.
 */
export function installRouteSupport(app: FastifyInstance, options: { databaseUrl?: string } = {}): void {
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app, options.databaseUrl);
  app.decorateRequest('ownerId', '');
  app.decorateRequest('userId', '');
}
