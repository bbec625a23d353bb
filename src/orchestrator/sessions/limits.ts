import { ACTIVE_STATES } from '../../api-types.ts';
import type { SpawnConfig } from '../../config/index.ts';
import { SpawnError } from '../../errors/index.ts';
import type { Store } from '../../store/index.ts';

/**
 * Per-owner (per-organisation) admission: at most N active sessions, at most M new sessions per sliding window.
 * Checked before a session row exists, so rejected requests never count against the owner.
 */
export async function checkOwnerLimits(store: Store, config: SpawnConfig, ownerId: string, now: Date): Promise<void> {
  const { rateWindowSeconds } = config.limits;
  // The owner is an organisation: its admin may have lowered the server's caps (never raised).
  const own = (await store.orgs.get(ownerId))?.limits ?? {};
  const maxActiveSessions = Math.min(own.maxActiveSessions ?? Infinity, config.limits.maxActiveSessions);
  const maxNewSessions = Math.min(own.maxNewSessionsPerWindow ?? Infinity, config.limits.maxNewSessions);
  const active = await store.sessions.countByOwnerInStates(ownerId, ACTIVE_STATES);
  if (active >= maxActiveSessions) {
    throw new SpawnError(
      'ACTIVE_SESSION_LIMIT',
      `you have ${active} active sessions (limit ${maxActiveSessions}): destroy one or wait until one expires`,
      { details: { active, limit: maxActiveSessions } },
    );
  }
  const windowMs = rateWindowSeconds * 1000;
  const recent = await store.sessions.createdSince(ownerId, new Date(now.getTime() - windowMs));
  if (recent.length >= maxNewSessions) {
    // The window frees a slot when the oldest counted creation leaves it.
    const oldest = recent[recent.length - maxNewSessions] ?? recent[0] ?? now;
    const retryAfterSeconds = Math.max(1, Math.ceil((oldest.getTime() + windowMs - now.getTime()) / 1000));
    throw new SpawnError(
      'SESSION_RATE_LIMIT',
      `at most ${maxNewSessions} new sessions per ${rateWindowSeconds} s: retry in ${retryAfterSeconds} s`,
      { retryAfterSeconds, details: { limit: maxNewSessions, windowSeconds: rateWindowSeconds } },
    );
  }
}
