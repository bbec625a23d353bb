import { useEffect, useState } from 'react';
import type { SessionState, SessionView } from '../../../src/api-types.ts';
import { useI18n } from '../i18n/i18n-context.tsx';

/**
 * The app proxy keeps a session's route (and so its current version) for up to a second; reloading
 * the moment a new version is announced could still show the previous one.
 */
const RELOAD_DELAY_MS = 1500;

/** The running app in an iframe, with its address, "open in new tab" and "copy link". */
interface PreviewProps {
  session: SessionView | null;
  state: SessionState | null;
  /** The live version: the URL stays the same across edits, so a new version remounts the iframe. */
  version?: number | null;
}

export function Preview({ session, state, version = null }: PreviewProps) {
  const { t } = useI18n();
  const [copied, setCopied] = useState<string | null>(null);
  const [shownVersion, setShownVersion] = useState(version);
  useEffect(() => {
    const timer = setTimeout(() => setShownVersion(version), RELOAD_DELAY_MS);
    return () => clearTimeout(timer);
  }, [version]);
  const url = state === 'running' ? (session?.appUrl ?? null) : null;

  if (!session || !url) {
    return (
      <div className="flex h-full min-h-48 items-center justify-center rounded-xl border-2 border-dashed border-slate-300 p-6 text-center text-sm text-slate-600 dark:border-slate-600 dark:text-slate-300">
        {t.preview.placeholder}
      </div>
    );
  }
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(t.preview.copied);
    } catch {
      setCopied(t.preview.copyFailed);
    }
  };
  return (
    <section aria-label={t.preview.heading} className="flex h-full min-h-[28rem] flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <code className="min-w-0 flex-1 truncate rounded bg-slate-100 px-2 py-1 text-xs dark:bg-slate-800" data-testid="app-url">
          {url}
        </code>
        <a href={url} target="_blank" rel="noopener noreferrer" className="btn">
          {t.preview.openNewTab}
        </a>
        <button type="button" onClick={() => void copy()} className="btn">
          {t.preview.copyLink}
        </button>
        <span role="status" className="text-xs text-slate-600 empty:hidden dark:text-slate-300">
          {copied}
        </span>
      </div>
      {session.appType !== 'webapp' && <p className="text-sm text-slate-600 dark:text-slate-300">{t.preview.notWeb}</p>}
      {/*
        allow-same-origin is safe here only because the app lives on its own origin
        (<id>.<apps-domain>), never the UI's: it gets its own storage and cookies and still cannot
        touch this page. Without it the app would get an opaque origin and localStorage would throw.
      */}
      <iframe
        key={`${url} ${shownVersion ?? ''}`}
        src={url}
        title={t.preview.title(session.title)}
        data-version={shownVersion ?? undefined}
        sandbox="allow-scripts allow-forms allow-same-origin allow-popups"
        referrerPolicy="no-referrer"
        className="w-full flex-1 rounded-xl border border-slate-200 bg-white dark:border-slate-700"
      />
    </section>
  );
}
