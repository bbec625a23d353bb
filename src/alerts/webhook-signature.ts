import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-spawn-signature';
export const TIMESTAMP_HEADER = 'x-spawn-timestamp';
export const EVENT_HEADER = 'x-spawn-event';
export const DELIVERY_HEADER = 'x-spawn-delivery';

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64url')}`;
}

/**
 * `v1=<hex HMAC-SHA256 of "<timestamp>.<body>">`: the timestamp (Unix seconds, also in its own
 * header) is signed with the body, so a captured delivery cannot be replayed later as new.
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** What a receiver does (the README shows the same): recompute, compare in constant time, bound the age. */
export function verifyWebhook(secret: string, timestamp: number, body: string, signature: string, options: { toleranceSeconds?: number; now?: number } = {}): boolean {
  const now = options.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - timestamp) > (options.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
