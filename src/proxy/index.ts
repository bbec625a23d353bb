export { AppProxy } from './app-proxy.ts';
export { parseAppHost } from './app-host.ts';
