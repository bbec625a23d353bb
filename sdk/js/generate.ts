/**
 * Regenerates sdk/js/openapi.d.ts from the server's OpenAPI document (the one `GET
 * /api/openapi.json` answers), built from the route schemas without starting a platform.
 * Run `npm run sdk:generate` after changing a route; test/unit/sdk/sdk-types.test.ts fails on any diff.
 */
import fs from 'node:fs';
import path from 'node:path';
import Fastify from 'fastify';
import openapiTS, { astToString } from 'openapi-typescript';
import { registerApiRoutes, type ApiRouteDeps } from '../../src/server/api-routes.ts';
import { registerOpenApi } from '../../src/server/openapi.ts';
import { installRouteSupport } from '../../src/server/route-support.ts';

export const TYPES_FILE = path.resolve(import.meta.dirname, 'openapi.d.ts');
const HEADER = `// GENERATED FILE — do not edit. Made by sdk/js/generate.ts (npm run sdk:generate) from the
// OpenAPI document the server answers on GET /api/openapi.json; test/unit/sdk checks it is current.
`;

/** The route plugins are only registered, never called: their services are not needed. */
const unusedDeps = new Proxy({}, { get: () => ({}) }) as ApiRouteDeps;

export async function openApiDocument(): Promise<Record<string, unknown>> {
  const app = Fastify();
  installRouteSupport(app);
  await registerOpenApi(app, '0.1.0');
  await registerApiRoutes(app, unusedDeps);
  await app.ready();
  const doc = app.swagger() as unknown as Record<string, unknown>;
  await app.close();
  return doc;
}

export async function generateTypes(): Promise<string> {
  const ast = await openapiTS(JSON.parse(JSON.stringify(await openApiDocument())) as never);
  return HEADER + astToString(ast);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  fs.writeFileSync(TYPES_FILE, await generateTypes());
  console.log(`wrote ${path.relative(process.cwd(), TYPES_FILE)}`);
}
