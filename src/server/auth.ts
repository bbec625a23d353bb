import { createHash, randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { isLoopbackHost, type SpawnConfig } from '../config/index.ts';
import { SpawnError } from '../errors/index.ts';
import type { Store } from '../store/index.ts';

/** Owner of every session in single-user mode (loopback only, no token). */
export const LOCAL_OWNER = 'local';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** How the auth hook finds a token: by the SHA-256 of its value, never the value itself. */
export interface TokenLookup {
  findByHash(tokenHash: string): Promise<{ ownerId: string } | null>;
}

/** Creates a bearer token for `name` (its owner id); only the hash is stored. */
export async function createToken(store: Pick<Store, 'tokens'>, name: string): Promise<string> {
  const token = `spawn_${randomBytes(24).toString('base64url')}`;
  await store.tokens.create({ id: randomBytes(8).toString('hex'), name, ownerId: name, tokenHash: hashToken(token) });
  return token;
}

/** With an identity provider configured every caller signs in: loopback single-user mode is the default only without one. */
export function authRequired(config: SpawnConfig): boolean {
  return config.auth === 'required' || !isLoopbackHost(config.host) || config.oidc !== null;
}

/** Refuses to serve beyond loopback without tokens: an open server would run anyone's code. */
export async function assertAuthConfigured(config: SpawnConfig, store: Pick<Store, 'tokens'>): Promise<void> {
  // With an identity provider people sign in: no bootstrap token is needed.
  if (authRequired(config) && config.oidc === null && (await store.tokens.count()) === 0) {
    throw new Error(
      `refusing to listen on ${config.host} without authentication: create a token first with \`spawnai token create --name NAME\`, or listen on 127.0.0.1`,
    );
  }
}

/** Resolves the caller's owner id from the bearer token (or the local owner in single-user mode). */
export async function resolveOwner(request: FastifyRequest, config: SpawnConfig, tokens: TokenLookup): Promise<string> {
  const header = request.headers.authorization;
  if (!header) {
    if (authRequired(config)) throw new SpawnError('AUTH_REQUIRED');
    return LOCAL_OWNER;
  }
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw new SpawnError('AUTH_INVALID', 'the Authorization header must be `Bearer <token>`');
  const token = await tokens.findByHash(hashToken(match[1]));
  if (!token) throw new SpawnError('AUTH_INVALID');
  return token.ownerId;
}
