import { useEffect, useRef } from 'react';
import type { LiveSession } from '../hooks/use-session-events.ts';
import { useI18n } from '../i18n/i18n-context.tsx';

const LEVEL_COLOURS: Record<string, string> = {
  error: 'text-red-700 dark:text-red-400',
  warn: 'text-amber-800 dark:text-amber-300',
};

/** The live log and the names of files as the generator streams them. */
export function EventLog({ live, defaultOpen }: { live: LiveSession; defaultOpen: boolean }) {
  const { t } = useI18n();
  const logRef = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const list = logRef.current;
    if (list) list.scrollTop = list.scrollHeight;
  }, [live.logs.length]);
  const box = 'max-h-40 overflow-y-auto rounded-lg bg-slate-100 p-2 font-mono text-xs dark:bg-slate-800';
  return (
    <details open={defaultOpen} className="text-sm">
      <summary className="cursor-pointer select-none font-medium">
        {t.progress.summary(live.files.length)}
      </summary>
      <div className="mt-2 grid gap-2 sm:grid-cols-2">
        <ol ref={logRef} aria-label={t.progress.log} data-testid="event-log" className={box}>
          {live.logs.length === 0 && <li className="text-slate-600 dark:text-slate-300">{t.progress.waiting}</li>}
          {live.logs.map((line) => (
            <li key={line.seq} className={LEVEL_COLOURS[line.level] ?? ''}>
              {line.message}
            </li>
          ))}
        </ol>
        <ul aria-label={t.progress.files} data-testid="file-list" className={box}>
          {live.files.map((file) => (
            <li key={file.path} className="flex justify-between gap-2">
              <span className="truncate">{file.path}</span>
              <span className="shrink-0 text-slate-600 dark:text-slate-300">{t.progress.bytes(file.bytes)}</span>
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
