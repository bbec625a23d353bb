import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { createJsonSchemaTransform } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { JSONSchema } from 'zod/v4/core';
import type { OpenApiDocumentSchema } from '../api-schemas/index.ts';

export const DOCS_PREFIX = '/docs';

/**
 * Answers may gain fields (the API is only ever extended), so a plain `z.object` is documented as
 * open; strict request bodies keep `additionalProperties: false` (unknown fields are refused).
 * Also drops empty `anyOf` branches, as the library's default override does.
 */
function documentSchema(ctx: { zodSchema: { _zod: { def: { type: string; catchall?: unknown } } }; jsonSchema: JSONSchema.BaseSchema }): void {
  const { def } = ctx.zodSchema._zod;
  if (def.type === 'object' && def.catchall === undefined && ctx.jsonSchema.additionalProperties === false) delete ctx.jsonSchema.additionalProperties;
  if (def.type === 'union' && Array.isArray(ctx.jsonSchema.anyOf)) ctx.jsonSchema.anyOf = ctx.jsonSchema.anyOf.filter((branch) => Object.keys(branch).length > 0);
}

/**
 * Generates the OpenAPI 3.1 document from the routes' zod schemas (register before the routes: it
 * collects them as they are added) and serves the reference page at /docs from the package's own
 * files, so it works offline.
 */
export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'SpawnAI API',
        version,
        description:
          'Turn a sentence into a running, self-destroying app; run functions, workflows and studies. Every error is `{"error": {"code", "message"}}` with a stable code; `429` and `503` carry `Retry-After`.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'a token from `spawnai token create --name NAME` (not needed in single-user mode on loopback)' } } },
      security: [{ bearer: [] }],
    },
    transform: createJsonSchemaTransform({ zodToJsonConfig: { override: documentSchema } }),
  });
  await app.register(fastifySwaggerUi, { routePrefix: DOCS_PREFIX, uiConfig: { deepLinking: true } });
}

export function openApiDocument(app: FastifyInstance): z.infer<typeof OpenApiDocumentSchema> {
  return app.swagger() as unknown as z.infer<typeof OpenApiDocumentSchema>;
}
