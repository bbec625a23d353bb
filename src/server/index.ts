export { createSpawnServer, type SpawnServer } from './http-server.ts';
export { createToken, assertAuthConfigured, LOCAL_OWNER } from './auth.ts';
export { startWorkerGateway } from './gateway-server.ts';
