import type { FastifyInstance } from 'fastify';
import { serializerCompiler } from 'fastify-type-provider-zod';
import { installErrorHandling } from './errors.ts';
import { zodValidatorCompiler } from './zod-validation.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The organisation the request acts in (records are scoped by it): `principal.orgId`, set by the auth hook. */
    ownerId: string;
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
  app.decorateRequest('principal', null);
}
