import { useState } from 'react';
import { API_KEY_SCOPES, type ApiKeyCreated, type ApiKeyScope } from '../../../src/api-types.ts';
import { describeError, errorOf } from '../format.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { teamApi } from './team-api.ts';

/** Name and scopes of a new API key. */
export function ApiKeyForm({ orgId, onCreated }: { orgId: string; onCreated(key: ApiKeyCreated): void }) {
  const { t } = useI18n();
  const k = t.teams.apiKeys;
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiKeyScope[]>(['sessions:read']);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const toggle = (scope: ApiKeyScope, on: boolean) => setScopes((all) => (on ? [...all, scope] : all.filter((s) => s !== scope)));
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (scopes.length === 0) return setError(k.needScope);
    setBusy(true);
    setError(null);
    try {
      onCreated(await teamApi.createApiKey(orgId, name, scopes));
      setName('');
    } catch (err) {
      setError(describeError(errorOf(err), t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} aria-label={k.newKey} className="flex flex-col gap-2 rounded-xl border border-slate-200 p-3 dark:border-slate-800">
      <h2 className="font-semibold">{k.newKey}</h2>
      <label className="flex flex-col gap-1 text-sm">
        {k.name}
        <input
          value={name}
          required
          maxLength={100}
          onChange={(e) => setName(e.target.value)}
          className="rounded-lg border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
        />
      </label>
      <fieldset className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <legend className="mb-1">{k.scopes}</legend>
        {API_KEY_SCOPES.map((scope) => (
          <label key={scope} className="flex items-center gap-1">
            <input type="checkbox" checked={scopes.includes(scope)} onChange={(e) => toggle(scope, e.target.checked)} />
            <code>{scope}</code>
          </label>
        ))}
      </fieldset>
      <button type="submit" className="btn-primary self-start" disabled={busy || name.trim() === ''}>{k.create}</button>
      {error && <p role="alert" className="text-sm text-red-700 dark:text-red-300">{error}</p>}
    </form>
  );
}
