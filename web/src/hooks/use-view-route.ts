import { useSyncExternalStore } from 'react';

export const FUNCTIONS_HASH = '#/functions';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** Which top-level view the hash selects: the apps (default) or the functions (`#/functions`). */
export function useViewRoute(): 'apps' | 'functions' {
  return useSyncExternalStore(subscribe, () => (window.location.hash === FUNCTIONS_HASH ? 'functions' : 'apps'));
}
