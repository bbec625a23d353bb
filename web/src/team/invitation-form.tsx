import { useState } from 'react';
import { ROLES, type InvitationCreated, type Role } from '../../../src/api-types.ts';
import { describeError, errorOf } from '../format.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { CopyField } from './copy-field.tsx';
import { teamApi } from './team-api.ts';

/** Creates a single-use invitation link for a role and shows it (with a copy button). */
export function InvitationForm({ orgId }: { orgId: string }) {
  const { t, lang } = useI18n();
  const m = t.teams.members;
  const [role, setRole] = useState<Role>('member');
  const [created, setCreated] = useState<InvitationCreated | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      setCreated(await teamApi.invite(orgId, role));
    } catch (err) {
      setError(describeError(errorOf(err), t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-label={m.inviteTitle} className="flex flex-col gap-2 rounded-xl border border-slate-200 p-3 dark:border-slate-800">
      <h2 className="font-semibold">{m.inviteTitle}</h2>
      <div className="flex flex-wrap items-center gap-2">
        <label className="flex items-center gap-2 text-sm">
          {m.inviteRole}
          <select value={role} onChange={(e) => setRole(e.target.value as Role)} className="rounded border border-slate-300 bg-white px-1 py-0.5 dark:border-slate-600 dark:bg-slate-900">
            {ROLES.map((r) => (
              <option key={r} value={r}>{t.teams.roles[r]}</option>
            ))}
          </select>
        </label>
        <button type="button" className="btn-primary" disabled={busy} onClick={() => void create()}>{m.invite}</button>
      </div>
      {created && (
        <>
          <CopyField label={m.inviteUrl} value={created.url} testId="invitation-url" />
          <p className="text-sm text-slate-600 dark:text-slate-300">{m.inviteHint(new Date(created.expiresAt).toLocaleString(lang))}</p>
        </>
      )}
      {error && <p role="alert" className="text-sm text-red-700 dark:text-red-300">{error}</p>}
    </section>
  );
}
