import { useState } from 'react';
import { useI18n } from '../i18n/i18n-context.tsx';
import type { AuditFilters } from './team-api.ts';

const input = 'min-w-0 rounded-lg border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900';

/** Actor, action and a start time; applied together so each keystroke does not query. */
export function AuditFilterForm({ onApply }: { onApply(filters: AuditFilters): void }) {
  const { t } = useI18n();
  const a = t.teams.audit;
  const [actor, setActor] = useState('');
  const [action, setAction] = useState('');
  const [since, setSince] = useState('');
  const apply = (e: React.FormEvent) => {
    e.preventDefault();
    // datetime-local is the browser's local time; the API wants an instant.
    onApply({ actor: actor.trim(), action: action.trim(), since: since ? new Date(since).toISOString() : '' });
  };
  return (
    <form onSubmit={apply} className="grid grid-cols-1 gap-2 text-sm sm:grid-cols-[1fr_1fr_1fr_auto] sm:items-end">
      <label className="flex flex-col gap-1">
        {a.actor}
        <input className={input} value={actor} onChange={(e) => setActor(e.target.value)} />
      </label>
      <label className="flex flex-col gap-1">
        {a.action}
        <input className={input} value={action} placeholder="apikey.create" onChange={(e) => setAction(e.target.value)} />
      </label>
      <label className="flex flex-col gap-1">
        {a.since}
        <input className={input} type="datetime-local" value={since} onChange={(e) => setSince(e.target.value)} />
      </label>
      <button type="submit" className="btn">{a.filter}</button>
    </form>
  );
}
