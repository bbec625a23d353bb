import { createHash, randomBytes } from 'node:crypto';

/** Bearer tokens (`spawnai token create`) start `spawn_`; organisation API keys `spk_`. */
export const API_KEY_PREFIX = 'spk_';
const PREFIX_SHOWN = 10;

/** SHA-256 hex: secrets are looked up by their hash and never stored in clear. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function newApiKey(): { key: string; prefix: string; hash: string } {
  const key = `${API_KEY_PREFIX}${randomBytes(24).toString('base64url')}`;
  return { key, prefix: key.slice(0, PREFIX_SHOWN), hash: hashSecret(key) };
}

export function newInvitationToken(): { token: string; hash: string } {
  const token = randomBytes(24).toString('base64url');
  return { token, hash: hashSecret(token) };
}

export function newTeamId(kind: 'org' | 'key' | 'inv' | 'aud' | 'usr'): string {
  return `${kind}_${randomBytes(8).toString('hex')}`;
}
