import { useState } from 'react';
import { describeError, errorOf } from '../format.ts';
import { invitationFromHash } from '../hooks/use-view-route.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useMe } from './me-context.tsx';
import { loginUrl } from './sign-in-page.tsx';
import { teamApi } from './team-api.ts';

/** `#/invite/<token>`: a signed-in person joins with one click; others sign in with the invitation. */
export function InvitationView() {
  const { t } = useI18n();
  const i = t.teams.invitation;
  const { me, reload, switchOrg } = useMe();
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const token = invitationFromHash();
  const accept = async () => {
    setError(null);
    try {
      const { org } = await teamApi.acceptInvitation(token);
      await reload();
      await switchOrg(org.id);
      setDone(i.joined(org.name));
    } catch (err) {
      setError(describeError(errorOf(err), t));
    }
  };
  return (
    <section className="flex flex-col items-start gap-3" data-testid="invitation-view">
      <h1 className="text-xl font-bold">{i.title}</h1>
      {done ? (
        <p role="status">{done}</p>
      ) : me && me.via !== 'loopback' ? (
        <button type="button" className="btn-primary" onClick={() => void accept()}>{i.join}</button>
      ) : (
        <a className="btn-primary" href={loginUrl(token)}>{i.signInToJoin}</a>
      )}
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
