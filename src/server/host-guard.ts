import { isIP } from 'node:net';
import type { FastifyRequest } from 'fastify';
import type { SpawnConfig } from '../config/index.ts';
import { SpawnError } from '../errors/index.ts';
import { authRequired } from './auth.ts';

/** The host name of a Host header: lower-case, without port or IPv6 brackets. */
export function hostName(header: string): string {
  const host = header.trim().toLowerCase();
  if (host.startsWith('[')) return host.slice(1, host.indexOf(']'));
  return host.replace(/:\d*$/, '').replace(/\.$/, '');
}

/** A loopback address or name, strictly: `127.0.0.1.nip.io` is not one. */
function isLoopbackName(name: string): boolean {
  return name === 'localhost' || name === '::1' || (isIP(name) === 4 && name.startsWith('127.'));
}

/**
 * Single-user mode (loopback, no token) trusts whoever can reach the port, which a web page can
 * too through DNS rebinding (`evil.example` re-resolved to 127.0.0.1, same origin to the browser).
 * So the control plane answers only to loopback names and the public URL's host there; with
 * tokens the Host does not matter (a rebound page has no token to send).
 */
export function controlPlaneHostGuard(config: SpawnConfig): (request: FastifyRequest) => Promise<void> {
  const allowed = new Set(['localhost']);
  if (config.publicUrl) allowed.add(new URL(config.publicUrl).hostname.replace(/^\[|\]$/g, '').toLowerCase());
  if (isLoopbackName(config.host.toLowerCase())) allowed.add(config.host.toLowerCase());
  return async (request) => {
    const header = request.headers.host;
    if (header === undefined || authRequired(config)) return;
    const name = hostName(header);
    if (allowed.has(name) || isLoopbackName(name)) return;
    throw new SpawnError(
      'FORBIDDEN',
      `this server answers to localhost only (Host ${JSON.stringify(name.slice(0, 100))}); set SPAWN_PUBLIC_URL to serve another name`,
    );
  };
}
