import { ACTIVE_STATES, type SessionView } from '../../../src/api-types.ts';
import { formatDuration } from '../format.ts';
import { useNow } from '../hooks/use-now.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { SessionThumbnail } from './session-thumbnail.tsx';

const MAX_RECENT = 10;
const isActive = (s: SessionView) => (ACTIVE_STATES as readonly string[]).includes(s.state);

/** Active and recent sessions; each is a link to `#/s/<id>`, so selection survives reloads. */
export function SessionList({ sessions, selectedId }: { sessions: SessionView[]; selectedId: string | null }) {
  const { t } = useI18n();
  const now = useNow(30_000);
  const active = sessions.filter(isActive);
  const recent = sessions.filter((s) => !isActive(s)).slice(0, MAX_RECENT);
  const group = (title: string, items: SessionView[]) =>
    items.length > 0 && (
      <div>
        <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-300">{title}</h3>
        <ul className="flex flex-col gap-1">
          {items.map((s) => (
            <li key={s.id}>
              <a
                href={`#/s/${encodeURIComponent(s.id)}`}
                aria-current={s.id === selectedId ? 'page' : undefined}
                className="flex items-center justify-between gap-2 rounded-lg px-2 py-1.5 text-sm hover:bg-slate-100 aria-[current=page]:bg-indigo-100 dark:hover:bg-slate-800 dark:aria-[current=page]:bg-indigo-900"
              >
                {s.state === 'running' && <SessionThumbnail session={s} className="h-8 w-12 shrink-0" />}
                <span className="min-w-0 flex-1 truncate">
                  {s.verification?.status === 'problems' && <span role="img" aria-label={t.verification.flagged}>⚠️ </span>}
                  {s.title || s.prompt}
                </span>
                <span className="shrink-0 text-xs text-slate-600 dark:text-slate-300">
                  {t.states[s.state]}
                  {s.state === 'running' && ` · ${t.list.left(formatDuration(Date.parse(s.expiresAt) - now, t))}`}
                </span>
              </a>
            </li>
          ))}
        </ul>
      </div>
    );
  return (
    <nav aria-labelledby="session-list-title" className="flex flex-col gap-3">
      <h2 id="session-list-title" className="text-base font-semibold">
        {t.list.title}
      </h2>
      {sessions.length === 0 && <p className="text-sm text-slate-600 dark:text-slate-300">{t.list.empty}</p>}
      {group(t.list.active, active)}
      {group(t.list.recent, recent)}
    </nav>
  );
}
