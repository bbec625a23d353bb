import { useState } from 'react';
import { describeError, errorOf } from '../format.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useMe } from './me-context.tsx';
import { teamApi } from './team-api.ts';

/** Creates an organisation (the caller becomes its owner) and switches to it. */
export function NewOrgForm() {
  const { t } = useI18n();
  const m = t.teams.members;
  const { switchOrg, reload } = useMe();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const create = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const org = await teamApi.createOrg(name);
      await reload();
      await switchOrg(org.id);
      setName('');
    } catch (err) {
      setError(describeError(errorOf(err), t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void create(e)} aria-label={m.newOrg} className="flex flex-col gap-2 rounded-xl border border-slate-200 p-3 dark:border-slate-800">
      <h2 className="font-semibold">{m.newOrg}</h2>
      <div className="flex flex-wrap items-center gap-2">
        <input
          aria-label={m.newOrgName}
          value={name}
          required
          maxLength={100}
          onChange={(e) => setName(e.target.value)}
          className="min-w-0 flex-1 rounded-lg border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
        />
        <button type="submit" className="btn" disabled={busy || name.trim() === ''}>{m.create}</button>
      </div>
      {error && <p role="alert" className="text-sm text-red-700 dark:text-red-300">{error}</p>}
    </form>
  );
}
