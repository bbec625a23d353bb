import type { ConfigView } from '../../../src/api-types.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { LanguageSwitch } from '../components/language-switch.tsx';
import { INVITE_HASH_PREFIX, invitationFromHash } from '../hooks/use-view-route.ts';

/** The sign-in link keeps the hash (a session, a view) to come back to it, and carries an invitation. */
export function loginUrl(invitation = window.location.hash.startsWith(INVITE_HASH_PREFIX) ? invitationFromHash() : undefined): string {
  const params = new URLSearchParams({ returnTo: `/${window.location.hash}` });
  if (invitation) params.set('invitation', invitation);
  return `/auth/login?${params.toString()}`;
}

/** Shown instead of the app when the server needs a sign-in and the browser has none. */
export function SignInPage({ config }: { config: ConfigView }) {
  const { t } = useI18n();
  const s = t.teams.signIn;
  return (
    <main className="mx-auto flex min-h-dvh w-full max-w-md flex-col justify-center gap-4 p-6">
      <div className="flex items-center justify-between gap-2">
        <img src="/icon.svg" alt="" width={40} height={40} />
        <LanguageSwitch />
      </div>
      <h1 className="text-2xl font-bold">{s.title}</h1>
      {config.signIn === 'oidc' ? (
        <>
          <p>{s.intro}</p>
          <a className="btn-primary self-start" href={loginUrl()}>
            {s.button}
          </a>
        </>
      ) : (
        <p role="alert">{s.tokenOnly}</p>
      )}
    </main>
  );
}
