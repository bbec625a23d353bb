export { createSpawnServer, type SpawnServer } from './http-server.ts';
export { createToken, assertAuthConfigured, LOCAL_OWNER } from './auth.ts';
export { startWorkerGateway } from './gateway-server.ts';
export { declaredRoutes, principalOf, type CookieAuthenticator, type DeclaredRoute } from './access-control.ts';
export type { SpawnServerOptions } from './http-server.ts';
