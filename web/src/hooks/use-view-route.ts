import { useSyncExternalStore } from 'react';

export const FUNCTIONS_HASH = '#/functions';
export const USAGE_HASH = '#/usage';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export const STUDY_HASH_PREFIX = '#/studies/';

/** Which top-level view the hash selects: the apps (default), the functions (`#/functions`), usage (`#/usage`) or a study (`#/studies/<id>`). */
export function useViewRoute(): 'apps' | 'functions' | 'usage' | 'study' {
  return useSyncExternalStore(subscribe, () => {
    const hash = window.location.hash;
    if (hash === FUNCTIONS_HASH) return 'functions';
    if (hash === USAGE_HASH) return 'usage';
    return hash.startsWith(STUDY_HASH_PREFIX) && hash.length > STUDY_HASH_PREFIX.length ? 'study' : 'apps';
  });
}

/** The study id of `#/studies/<id>`. */
export function studyIdFromHash(): string {
  return decodeURIComponent(window.location.hash.slice(STUDY_HASH_PREFIX.length));
}
