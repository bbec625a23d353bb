import { useSyncExternalStore } from 'react';

export const FUNCTIONS_HASH = '#/functions';
export const USAGE_HASH = '#/usage';
export const MEMBERS_HASH = '#/members';
export const API_KEYS_HASH = '#/api-keys';
export const AUDIT_HASH = '#/audit';
export const STUDY_HASH_PREFIX = '#/studies/';
/** Where an invitation URL lands (`/#/invite/<token>`, built by the server). */
export const INVITE_HASH_PREFIX = '#/invite/';

export type ViewRoute = 'apps' | 'functions' | 'usage' | 'study' | 'members' | 'api-keys' | 'audit' | 'invite';

const FIXED: Record<string, ViewRoute> = { [FUNCTIONS_HASH]: 'functions', [USAGE_HASH]: 'usage', [MEMBERS_HASH]: 'members', [API_KEYS_HASH]: 'api-keys', [AUDIT_HASH]: 'audit' };

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function withId(hash: string, prefix: string): boolean {
  return hash.startsWith(prefix) && hash.length > prefix.length;
}

/** Which top-level view the hash selects: the apps (default), or one of the `#/…` views above. */
export function useViewRoute(): ViewRoute {
  return useSyncExternalStore(subscribe, () => {
    const hash = window.location.hash;
    const fixed = FIXED[hash];
    if (fixed) return fixed;
    if (withId(hash, STUDY_HASH_PREFIX)) return 'study';
    return withId(hash, INVITE_HASH_PREFIX) ? 'invite' : 'apps';
  });
}

/** The study id of `#/studies/<id>`. */
export function studyIdFromHash(): string {
  return decodeURIComponent(window.location.hash.slice(STUDY_HASH_PREFIX.length));
}

/** The token of `#/invite/<token>`. */
export function invitationFromHash(): string {
  return decodeURIComponent(window.location.hash.slice(INVITE_HASH_PREFIX.length));
}
