export { AppProxy, type AppActivityHook } from './app-proxy.ts';
export { parseAppHost } from './app-host.ts';
export { WorkerGateway } from './worker-gateway.ts';
