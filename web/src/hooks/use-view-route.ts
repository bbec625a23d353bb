import { useSyncExternalStore } from 'react';

export const FUNCTIONS_HASH = '#/functions';
export const USAGE_HASH = '#/usage';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** Which top-level view the hash selects: the apps (default), the functions (`#/functions`) or usage (`#/usage`). */
export function useViewRoute(): 'apps' | 'functions' | 'usage' {
  return useSyncExternalStore(subscribe, () => (window.location.hash === FUNCTIONS_HASH ? 'functions' : window.location.hash === USAGE_HASH ? 'usage' : 'apps'));
}
