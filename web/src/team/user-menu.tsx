import { useEffect, useRef, useState } from 'react';
import { describeError, errorOf } from '../format.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { AUDIT_HASH, API_KEYS_HASH, MEMBERS_HASH } from '../hooks/use-view-route.ts';
import { useMe } from './me-context.tsx';

/** The header's account menu: who is signed in, the organisation switcher, team pages, sign-out. */
export function UserMenu() {
  const { t } = useI18n();
  const m = t.teams.menu;
  const { me, switchOrg, signOut } = useMe();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !ref.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);
  if (!me) return null;
  const run = (action: () => Promise<void>) => {
    setError(null);
    action().catch((err: unknown) => setError(describeError(errorOf(err), t)));
  };
  const initial = (me.user.name || me.user.email || '?').slice(0, 1).toUpperCase();
  return (
    <div ref={ref} className="relative">
      <button
        type="button"
        aria-label={m.account}
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        className="flex h-8 w-8 items-center justify-center rounded-full bg-indigo-600 text-sm font-bold text-white"
      >
        {initial}
      </button>
      {open && (
        <div
          role="dialog"
          aria-label={m.account}
          className="absolute right-0 z-20 mt-2 flex w-72 max-w-[calc(100vw-2rem)] flex-col gap-3 rounded-xl border border-slate-200 bg-white p-3 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          <div className="min-w-0">
            <p className="truncate font-semibold" data-testid="user-name">{me.user.name}</p>
            {me.user.email && <p className="truncate text-slate-500">{me.user.email}</p>}
            {me.via === 'loopback' && <p className="text-slate-500">{m.singleUser}</p>}
          </div>
          <label className="flex flex-col gap-1">
            <span className="font-medium">{m.organisation}</span>
            <select
              value={me.currentOrgId ?? me.user.id}
              onChange={(e) => run(() => switchOrg(e.target.value))}
              className="rounded-lg border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
            >
              {me.orgs.map((org) => (
                <option key={org.id} value={org.id}>
                  {org.id === me.user.id ? `${org.name} (${m.personal})` : org.name} · {t.teams.roles[org.role] ?? org.role}
                </option>
              ))}
            </select>
          </label>
          <nav className="flex flex-col gap-1" onClick={() => setOpen(false)}>
            <a className="underline-offset-4 hover:underline" href={MEMBERS_HASH}>{m.members}</a>
            <a className="underline-offset-4 hover:underline" href={API_KEYS_HASH}>{m.apiKeys}</a>
            <a className="underline-offset-4 hover:underline" href={AUDIT_HASH}>{m.audit}</a>
          </nav>
          {me.via === 'cookie' && (
            <button type="button" className="btn self-start" onClick={() => run(signOut)}>
              {m.signOut}
            </button>
          )}
          {error && <p role="alert" className="text-red-700 dark:text-red-300">{error}</p>}
        </div>
      )}
    </div>
  );
}
