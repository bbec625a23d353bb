import { useState } from 'react';
import type { ApiKeyCreated, ApiKeyView } from '../../../src/api-types.ts';
import { describeError, errorOf } from '../format.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { ApiKeyForm } from './api-key-form.tsx';
import { CopyField } from './copy-field.tsx';
import { useMe } from './me-context.tsx';
import { teamApi } from './team-api.ts';
import { useLoaded } from './use-loaded.ts';

const loadKeys = (orgId: string, signal: AbortSignal) => teamApi.apiKeys(orgId, signal);

/** The organisation's API keys: the list (never the secrets), creation (the key shown once), revocation. */
export function ApiKeysView() {
  const { t, lang } = useI18n();
  const k = t.teams.apiKeys;
  const { orgId } = useMe();
  const { data, error, reload } = useLoaded(orgId, loadKeys);
  const [created, setCreated] = useState<ApiKeyCreated | null>(null);
  const [revoking, setRevoking] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const date = (iso: string | null) => (iso ? new Date(iso).toLocaleString(lang) : k.never);

  const revoke = (key: ApiKeyView) => {
    setMessage(null);
    teamApi
      .revokeApiKey(orgId ?? '', key.id)
      .then(() => reload())
      .catch((err: unknown) => setMessage(describeError(errorOf(err), t)))
      .finally(() => setRevoking(null));
  };
  const row = (key: ApiKeyView) => (
    <li key={key.id} data-testid="api-key" className="flex flex-col gap-1 border-t border-slate-200 py-2 text-sm dark:border-slate-800">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <strong className="break-all">{key.name}</strong>
        <code className="text-xs">{k.prefix} {key.prefix}…</code>
      </div>
      <div className="flex flex-wrap gap-1">
        {key.scopes.map((scope) => (
          <span key={scope} className="rounded bg-slate-100 px-1.5 text-xs dark:bg-slate-800">{scope}</span>
        ))}
      </div>
      <div className="text-xs text-slate-500">
        {k.created} {date(key.createdAt)} · {k.lastUsed} {date(key.lastUsedAt)}
      </div>
      {key.revokedAt ? (
        <span className="text-xs font-semibold text-red-700 dark:text-red-300">{k.revoked} {date(key.revokedAt)}</span>
      ) : revoking === key.id ? (
        <span className="flex flex-wrap gap-2">
          <button type="button" className="btn-danger" onClick={() => revoke(key)}>{k.revokeConfirm}</button>
          <button type="button" className="btn" onClick={() => setRevoking(null)}>{t.teams.cancel}</button>
        </span>
      ) : (
        <button type="button" className="btn self-start" onClick={() => setRevoking(key.id)}>{k.revoke}</button>
      )}
    </li>
  );

  return (
    <div className="flex flex-col gap-4" data-testid="api-keys-view">
      <h1 className="text-xl font-bold">{k.title}</h1>
      {error && <p role="alert">{error.status === 403 ? t.teams.adminOnly : describeError(errorOf(error), t)}</p>}
      {orgId && !error && (
        <ApiKeyForm
          orgId={orgId}
          onCreated={(key) => {
            setCreated(key);
            reload();
          }}
        />
      )}
      {created && (
        <div role="status" className="flex flex-col gap-2 rounded-xl border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-700 dark:bg-amber-950">
          <p>{k.shownOnce}</p>
          <CopyField label={k.theKey} value={created.key} testId="new-api-key" />
        </div>
      )}
      {message && <p role="alert" className="text-sm text-red-700 dark:text-red-300">{message}</p>}
      {data && (data.apiKeys.length === 0 ? <p>{k.none}</p> : <ul aria-label={k.title}>{data.apiKeys.map(row)}</ul>)}
    </div>
  );
}
