import { useState } from 'react';
import type { VersionList as Versions } from '../../../src/api-types.ts';
import { api } from '../api.ts';
import { describeError, errorOf, formatTime } from '../format.ts';
import { useI18n } from '../i18n/i18n-context.tsx';

interface VersionListProps {
  sessionId: string;
  versions: Versions;
  onRestored(): void;
}

/** Every deployed version of the app, newest first; any older one can be made current again. */
export function VersionList({ sessionId, versions, onRestored }: VersionListProps) {
  const { t, lang } = useI18n();
  const [restoring, setRestoring] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (versions.versions.length === 0) return null;
  const restore = async (version: number) => {
    setRestoring(version);
    setError(null);
    try {
      await api.restoreVersion(sessionId, version);
      onRestored();
    } catch (err) {
      setError(describeError(errorOf(err), t));
    } finally {
      setRestoring(null);
    }
  };
  return (
    <section aria-label={t.session.versionsTitle} className="flex flex-col gap-1 text-sm">
      <h3 className="font-semibold">{t.session.versionsTitle}</h3>
      <ul data-testid="version-list" className="flex flex-col gap-1">
        {[...versions.versions].reverse().map((v) => (
          <li key={v.version} data-version={v.version} className="flex flex-wrap items-center gap-2">
            <span className="font-mono font-semibold">{t.session.versionLine(v.version)}</span>
            <span>{t.session.sources[v.source] ?? v.source}</span>
            <time dateTime={v.createdAt} className="text-slate-600 dark:text-slate-300">
              {formatTime(new Date(v.createdAt), lang)}
            </time>
            {v.version === versions.current ? (
              <span className="rounded-full bg-emerald-100 px-2 text-xs font-semibold text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100">
                {t.session.current}
              </span>
            ) : (
              <button type="button" className="btn ml-auto py-0.5 text-xs" disabled={restoring !== null} onClick={() => void restore(v.version)}>
                {restoring === v.version ? t.session.restoring : t.session.restore}
              </button>
            )}
          </li>
        ))}
      </ul>
      <p role="alert" className="text-red-700 empty:hidden dark:text-red-400">
        {error}
      </p>
    </section>
  );
}
