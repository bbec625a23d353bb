export { AppProxy, type AppActivityHook } from './app-proxy.ts';
export { parseAppHost } from './app-host.ts';
export { WorkerGateway } from './worker-gateway.ts';
export { PrivateAppGate, HANDOFF_PATH, type PrivateAppGateOptions } from './private-app-gate.ts';
