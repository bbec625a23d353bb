import { useCallback, useSyncExternalStore } from 'react';

const PREFIX = '#/s/';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function currentId(): string | null {
  const hash = window.location.hash;
  return hash.startsWith(PREFIX) ? decodeURIComponent(hash.slice(PREFIX.length)) || null : null;
}

/** The selected session lives in the URL hash (`#/s/<id>`), so reload and back/forward restore it. */
export function useHashRoute(): [string | null, (id: string | null) => void] {
  const sessionId = useSyncExternalStore(subscribe, currentId);
  const navigate = useCallback((id: string | null) => {
    window.location.hash = id ? `${PREFIX}${encodeURIComponent(id)}` : '';
  }, []);
  return [sessionId, navigate];
}
