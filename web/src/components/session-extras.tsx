import { useEffect, useState } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n/i18n-context.tsx';

/**
 * Room for features of later API versions (versions, export). Each shows only once the server
 * answers its route; a 404 from an older server hides it.
 */
export function SessionExtras({ sessionId }: { sessionId: string }) {
  const { t } = useI18n();
  const [canExport, setCanExport] = useState(false);
  useEffect(() => {
    const controller = new AbortController();
    void api.hasVersions(sessionId, controller.signal).then(setCanExport, () => undefined);
    return () => controller.abort();
  }, [sessionId]);
  if (!canExport) return null;
  return (
    <a className="btn self-start" href={`/api/sessions/${encodeURIComponent(sessionId)}/export.zip`} download>
      {t.session.exportZip}
    </a>
  );
}
