import { useState } from 'react';
import { ROLES, type MemberView, type Role } from '../../../src/api-types.ts';
import { describeError, errorOf } from '../format.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { InvitationForm } from './invitation-form.tsx';
import { useMe } from './me-context.tsx';
import { NewOrgForm } from './new-org-form.tsx';
import { teamApi } from './team-api.ts';
import { useLoaded } from './use-loaded.ts';

const loadMembers = async (orgId: string, signal: AbortSignal) => {
  const [org, list] = await Promise.all([teamApi.org(orgId, signal), teamApi.members(orgId, signal)]);
  return { org, members: list.members };
};

/** The current organisation's members: roles, removal and invitations (for its admins). */
export function MembersView() {
  const { t } = useI18n();
  const m = t.teams.members;
  const { me, orgId } = useMe();
  const { data, error, reload } = useLoaded(orgId, loadMembers);
  const [message, setMessage] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const manager = me?.role === 'owner' || me?.role === 'admin';

  const act = (action: () => Promise<unknown>) => {
    setMessage(null);
    action()
      .then(() => reload())
      .catch((err: unknown) => setMessage(describeError(errorOf(err), t)));
  };
  const row = (member: MemberView) => (
    <tr key={member.userId} className="border-t border-slate-200 dark:border-slate-800">
      <td className="py-1 pr-2 break-all">{member.name}</td>
      <td className="hidden py-1 pr-2 break-all sm:table-cell">{member.email ?? ''}</td>
      <td className="py-1 pr-2">
        {manager && !data?.org.personal ? (
          <select
            aria-label={m.changeRole(member.name)}
            value={member.role}
            onChange={(e) => act(() => teamApi.setRole(data?.org.id ?? '', member.userId, e.target.value as Role))}
            className="rounded border border-slate-300 bg-white px-1 py-0.5 dark:border-slate-600 dark:bg-slate-900"
          >
            {ROLES.map((role) => (
              <option key={role} value={role}>{t.teams.roles[role]}</option>
            ))}
          </select>
        ) : (
          t.teams.roles[member.role]
        )}
      </td>
      <td className="py-1 text-right">
        {manager && !data?.org.personal && member.userId !== me?.user.id && (
          removing === member.userId ? (
            <span className="flex flex-wrap justify-end gap-1">
              <button type="button" className="btn-danger" onClick={() => act(() => teamApi.removeMember(data?.org.id ?? '', member.userId))}>
                {m.removeConfirm(member.name)}
              </button>
              <button type="button" className="btn" onClick={() => setRemoving(null)}>{t.teams.cancel}</button>
            </span>
          ) : (
            <button type="button" className="btn" onClick={() => setRemoving(member.userId)}>{m.remove}</button>
          )
        )}
      </td>
    </tr>
  );

  return (
    <div className="flex flex-col gap-4" data-testid="members-view">
      <h1 className="text-xl font-bold">{m.title}{data ? ` · ${data.org.name}` : ''}</h1>
      {error && <p role="alert">{error.status === 403 ? t.teams.adminOnly : describeError(errorOf(error), t)}</p>}
      {data && (
        <table className="w-full table-fixed text-left text-sm">
          <thead>
            <tr>
              <th className="w-2/5">{m.name}</th>
              <th className="hidden sm:table-cell">{m.email}</th>
              <th>{m.role}</th>
              <th><span className="sr-only">{m.remove}</span></th>
            </tr>
          </thead>
          <tbody>{data.members.map(row)}</tbody>
        </table>
      )}
      {message && <p role="alert" className="text-sm text-red-700 dark:text-red-300">{message}</p>}
      {data?.org.personal && <p className="text-sm text-slate-600 dark:text-slate-300">{m.personal}</p>}
      {data && manager && !data.org.personal && <InvitationForm orgId={data.org.id} />}
      <NewOrgForm />
    </div>
  );
}
