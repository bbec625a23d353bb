import { createHash, randomBytes } from 'node:crypto';
import { isLoopbackHost, type SpawnConfig } from '../config/index.ts';
import type { Store } from '../store/index.ts';

/** Owner of every session in single-user mode (loopback only, no token). */
export const LOCAL_OWNER = 'local';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Creates a bearer token for the user `name` (created with their personal organisation when new);
 * only the hash is stored. The bootstrap of the first admin: that user then creates organisations.
 */
export async function createToken(store: Pick<Store, 'tokens' | 'orgs'>, name: string): Promise<string> {
  const token = `spawn_${randomBytes(24).toString('base64url')}`;
  await store.orgs.ensurePersonal(name, name);
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
