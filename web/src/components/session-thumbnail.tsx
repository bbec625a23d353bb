import { useState } from 'react';
import type { SessionView } from '../../../src/api-types.ts';

/**
 * The verifier's screenshot of the app (`GET /api/sessions/:id/thumbnail.png`). Only verified
 * versions have one: with none (plain HTTP checks, a script) the image hides itself.
 */
export function SessionThumbnail({ session, className, alt = '' }: { session: SessionView; className: string; alt?: string }) {
  const version = session.verification?.version;
  const [failedFor, setFailedFor] = useState<number | null>(null);
  if (version === undefined || session.verification?.status === 'skipped' || failedFor === version) return null;
  return (
    <img
      src={`/api/sessions/${encodeURIComponent(session.id)}/thumbnail.png?v=${version}`}
      alt={alt}
      loading="lazy"
      data-testid="session-thumbnail"
      onError={() => setFailedFor(version)}
      className={`rounded border border-slate-200 bg-white object-cover object-top dark:border-slate-700 ${className}`}
    />
  );
}
