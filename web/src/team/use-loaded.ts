import { useCallback, useEffect, useState } from 'react';
import { ApiRequestError } from '../api.ts';

export interface Loaded<T> {
  data: T | null;
  /** The server's stable code and message of the last failure (FORBIDDEN for a missing role). */
  error: ApiRequestError | null;
  reload(): void;
}

/** Loads once per `key` (e.g. the organisation id) and on `reload()`; aborts what a newer load replaces. */
export function useLoaded<T>(key: string | null, load: (key: string, signal: AbortSignal) => Promise<T>): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiRequestError | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (key === null) return;
    const abort = new AbortController();
    load(key, abort.signal)
      .then((value) => {
        setData(value);
        setError(null);
      })
      .catch((err: unknown) => {
        if (abort.signal.aborted) return;
        setError(err instanceof ApiRequestError ? err : new ApiRequestError('UNKNOWN', String(err), 0));
      });
    return () => abort.abort();
    // `load` is a module-level function of the caller: only the key and reloads matter.
  }, [key, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, error, reload };
}
