import { randomBytes } from 'node:crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

/**
 * Session ids double as DNS labels (`<id>.localhost`): 26 lowercase base32 characters carry 130
 * random bits, well past the 96 the API promises, and start with a letter.
 */
export function newSessionId(): string {
  const bytes = randomBytes(17);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < 26) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return 's' + out.slice(1);
}

export { isSessionId } from '../api-types.ts';
