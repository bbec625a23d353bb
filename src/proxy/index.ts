export { AppProxy, type AppActivityHook } from './app-proxy.ts';
export { parseAppHost } from './app-host.ts';
