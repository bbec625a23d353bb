import { z } from 'zod';

export const HealthViewSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  checks: z.object({ store: z.boolean(), queue: z.boolean() }),
  runtime: z.string(),
  isolation: z.string(),
  version: z.string(),
  verify: z.enum(['browser', 'http', 'off']).meta({ description: 'how deployed apps are checked before their URL is handed out (SPAWN_VERIFY)' }).optional(),
});

/** `GET /readyz`: whether this node takes traffic (for a load balancer's health check). */
export const ReadyViewSchema = z.object({ status: z.enum(['ready', 'draining']) });

/** `GET /api/config`: what the web UI needs to know about this server's limits and generator. */
export const ConfigViewSchema = z.object({
  maxPromptChars: z.number(),
  ttl: z.object({ defaultSeconds: z.number(), minSeconds: z.number(), maxSeconds: z.number() }),
  generator: z.enum(['offline-template', 'llm']).meta({ description: '`offline-template` when no model is configured (the UI says how to configure one)' }),
  models: z.array(z.string()),
  appsDomain: z.string(),
  signIn: z.enum(['oidc', 'token', 'none']).optional().meta({ description: '`oidc`: sign in through the identity provider at /auth/login; `token`: a bearer token is needed; `none`: single-user mode' }),
});

/** `GET /api/openapi.json`: this document, generated from the route schemas. */
export const OpenApiDocumentSchema = z.looseObject({ openapi: z.string(), info: z.looseObject({}), paths: z.record(z.string(), z.unknown()) });
