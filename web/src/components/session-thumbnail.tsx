import { useEffect, useState } from 'react';
import type { SessionView } from '../../../src/api-types.ts';

/** Tries after a 404 before giving up: 1 + 2 + … + 5 s, far more than storing a PNG takes. */
const RETRIES = 5;

interface Misses {
  version: number;
  count: number;
  waiting: boolean;
}

/**
 * The verifier's screenshot of the app (`GET /api/sessions/:id/thumbnail.png`). Only verified
 * versions have one: with none (plain HTTP checks, a script) the image hides itself. It is stored
 * just after the session goes live (off the path to `running`), so a first 404 is tried again a
 * few times, hidden meanwhile, before the image gives up.
 */
export function SessionThumbnail({ session, className, alt = '' }: { session: SessionView; className: string; alt?: string }) {
  const version = session.verification?.version;
  const [miss, setMiss] = useState<Misses | null>(null);
  const misses = miss?.version === version ? miss : null;
  useEffect(() => {
    if (!misses?.waiting || misses.count > RETRIES) return;
    const timer = setTimeout(() => setMiss({ ...misses, waiting: false }), 1000 * misses.count);
    return () => clearTimeout(timer);
  }, [misses]);
  if (version === undefined || session.verification?.status === 'skipped' || misses?.waiting) return null;
  return (
    <img
      src={`/api/sessions/${encodeURIComponent(session.id)}/thumbnail.png?v=${version}${misses ? `&try=${misses.count}` : ''}`}
      alt={alt}
      loading="lazy"
      data-testid="session-thumbnail"
      onError={() => setMiss({ version, count: (misses?.count ?? 0) + 1, waiting: true })}
      className={`rounded border border-slate-200 bg-white object-cover object-top dark:border-slate-700 ${className}`}
    />
  );
}
