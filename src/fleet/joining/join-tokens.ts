import { createHash, randomBytes } from 'node:crypto';
import { SpawnError } from '../../errors/index.ts';
import type { Store } from '../../store/index.ts';

export function hashJoinToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A new single-use token for `hostId`; only its hash is stored. */
export async function issueJoinToken(store: Pick<Store, 'fleet'>, hostId: string, expiresAt: Date): Promise<string> {
  const token = `sjt_${randomBytes(24).toString('base64url')}`;
  await store.fleet.createJoinToken(hashJoinToken(token), hostId, expiresAt);
  return token;
}

/** The host id the token was issued for, once; JOIN_TOKEN_INVALID when forged, expired or reused. */
export async function redeemJoinToken(store: Pick<Store, 'fleet'>, token: string, now = new Date()): Promise<string> {
  const hostId = typeof token === 'string' && token.startsWith('sjt_') ? await store.fleet.consumeJoinToken(hashJoinToken(token), now) : null;
  if (!hostId) throw new SpawnError('JOIN_TOKEN_INVALID');
  return hostId;
}
