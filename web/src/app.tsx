import { useCallback, useRef, useState } from 'react';
import type { CreateSessionRequest, SessionView } from '../../src/api-types.ts';
import { api, ApiRequestError } from './api.ts';
import { AppHeader } from './components/app-header.tsx';
import { ChatBox } from './components/chat-box.tsx';
import { GeneratorNotice } from './components/generator-notice.tsx';
import { defaultLifetimeSeconds } from './components/lifetime-options.ts';
import { OfflineBanner } from './components/offline-banner.tsx';
import { Preview } from './components/preview.tsx';
import { RateLimitNotice } from './components/rate-limit-notice.tsx';
import { SessionList } from './components/session-list.tsx';
import { SessionPanel } from './components/session-panel.tsx';
import { FunctionsView } from './components/functions-view.tsx';
import { UsageView } from './components/usage-view.tsx';
import { StarterSuggestions } from './components/starter-suggestions.tsx';
import { describeError, errorOf } from './format.ts';
import { effectiveState } from './session-state.ts';
import { useConfig } from './hooks/use-config.ts';
import { useHashRoute } from './hooks/use-hash-route.ts';
import { useOnline } from './hooks/use-online.ts';
import { useRevisions } from './hooks/use-revisions.ts';
import { useSession } from './hooks/use-session.ts';
import { useSessionEvents } from './hooks/use-session-events.ts';
import { useSessions } from './hooks/use-sessions.ts';
import { studyIdFromHash, useViewRoute } from './hooks/use-view-route.ts';
import { StudyView } from './study/study-view.tsx';
import { useI18n } from './i18n/i18n-context.tsx';
import { ApiKeysView } from './team/api-keys-view.tsx';
import { AuditView } from './team/audit-view.tsx';
import { InvitationView } from './team/invitation-view.tsx';
import { useMe } from './team/me-context.tsx';
import { MembersView } from './team/members-view.tsx';

/** Views that only need the header around them. */
const TEAM_VIEWS = {
  usage: () => <UsageView />,
  members: () => <MembersView />,
  'api-keys': () => <ApiKeysView />,
  audit: () => <AuditView />,
  invite: () => <InvitationView />,
};

type CreateError = { kind: 'refused'; message: string } | { kind: 'limited'; message: string; retryAt: number | null };

export function App() {
  const { t } = useI18n();
  const config = useConfig();
  const online = useOnline();
  const [sessionId, navigate] = useHashRoute();
  const view = useViewRoute();
  const live = useSessionEvents(sessionId);
  const { session, error: sessionError, refresh, replace } = useSession(sessionId, live.state);
  const { orgId } = useMe();
  const { sessions, refresh: refreshList } = useSessions(orgId);
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const [createError, setCreateError] = useState<CreateError | null>(null);
  // Set when the person chose "start a new app" while looking at a running one.
  const [newAppFor, setNewAppFor] = useState<string | null>(null);
  const mainRef = useRef<HTMLElement>(null);

  const focusChat = () => mainRef.current?.querySelector('textarea')?.focus();
  const create = useCallback(
    async (request: CreateSessionRequest) => {
      setBusy(true);
      setCreateError(null);
      try {
        const created = await api.createSession(request.prompt, request.appType, request.ttlSeconds, request.image);
        setDraft('');
        navigate(created.id);
        void refreshList();
      } catch (err) {
        const error = errorOf(err);
        const message = describeError(error, t);
        if (err instanceof ApiRequestError && err.status === 429) {
          setCreateError({ kind: 'limited', message, retryAt: err.retryAfterSeconds === null ? null : Date.now() + err.retryAfterSeconds * 1000 });
        } else {
          setCreateError({ kind: 'refused', message });
        }
      } finally {
        setBusy(false);
      }
    },
    [navigate, refreshList, t],
  );
  const onChanged = (view: SessionView | null) => {
    if (view) replace(view);
    else void refresh();
    void refreshList();
  };
  const state = session ? effectiveState(session, live) : null;
  const canRefine = state === 'running' && config.generator === 'llm' && session !== null && newAppFor !== session.id;
  const revisions = useRevisions(sessionId, live, state === 'running');
  const refine = useCallback(
    async (id: string, prompt: string) => {
      setBusy(true);
      setCreateError(null);
      try {
        await api.postMessage(id, prompt);
        setDraft('');
        await revisions.refresh();
      } catch (err) {
        setCreateError({ kind: 'refused', message: describeError(errorOf(err), t) });
      } finally {
        setBusy(false);
      }
    },
    [revisions, t],
  );
  const retry = (failed: SessionView) => void create({ prompt: failed.prompt, appType: failed.appType, ttlSeconds: defaultLifetimeSeconds(config.ttl) });
  const showPreview = state === 'running' && session?.appUrl != null;

  const header = (
    <AppHeader
      onNewApp={() => {
        navigate(null);
        setTimeout(focusChat);
      }}
    />
  );
  const page = TEAM_VIEWS[view as keyof typeof TEAM_VIEWS];
  if (page) {
    return (
      <div className="flex min-h-dvh flex-col">
        {header}
        {!online && <OfflineBanner />}
        <main className={`mx-auto w-full p-4 ${view === 'usage' ? 'max-w-5xl' : 'max-w-3xl'}`}>{page()}</main>
      </div>
    );
  }
  if (view === 'functions' || view === 'study') {
    return (
      <div className="flex min-h-dvh flex-col">
        {header}
        {!online && <OfflineBanner />}
        <main className={`mx-auto w-full p-4 ${view === 'study' ? 'max-w-5xl' : 'max-w-3xl'}`}>
          {view === 'study' ? <StudyView key={studyIdFromHash()} id={studyIdFromHash()} /> : <FunctionsView />}
        </main>
      </div>
    );
  }
  return (
    <div className="flex min-h-dvh flex-col">
      {header}
      {!online && <OfflineBanner />}
      <main
        ref={mainRef}
        className="mx-auto grid w-full max-w-7xl flex-1 content-start grid-cols-[minmax(0,1fr)] gap-4 p-4 lg:grid-cols-[minmax(0,30rem)_minmax(0,1fr)] lg:grid-rows-[auto_auto_1fr]"
      >
        <div className="flex flex-col gap-4 lg:col-start-1 lg:row-start-1">
          <h1 className="sr-only">{t.appName}</h1>
          <GeneratorNotice config={config} />
          {sessionId === null && <StarterSuggestions onPick={(prompt) => (setDraft(prompt), focusChat())} />}
          {sessionId !== null && sessionError && !session && (
            <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm text-red-900 dark:bg-red-950 dark:text-red-100">
              {describeError(sessionError, t)}
            </p>
          )}
          {session && <SessionPanel session={session} live={live} config={config} onChanged={onChanged} onRetry={retry} revisions={revisions} />}
        </div>
        <div className={`lg:col-start-2 lg:row-span-3 lg:row-start-1 lg:flex lg:min-h-[calc(100dvh-7rem)] ${showPreview ? 'flex' : 'hidden'} flex-col`}>
          <Preview session={session} state={state} version={revisions.versions?.current ?? null} />
        </div>
        <div className="flex flex-col gap-2 lg:col-start-1 lg:row-start-2">
          {createError?.kind === 'limited' && <RateLimitNotice reason={createError.message} retryAt={createError.retryAt} />}
          <ChatBox
            config={config}
            value={draft}
            onChange={setDraft}
            onSubmit={(request) => void (canRefine ? refine(session.id, request.prompt) : create(request))}
            refine={canRefine ? { title: session.title || session.prompt.slice(0, 60), onStartNew: () => setNewAppFor(session.id) } : null}
            busy={busy}
            serverError={createError?.kind === 'refused' ? createError.message : null}
          />
        </div>
        <div className="lg:col-start-1 lg:row-start-3">
          <SessionList sessions={sessions} selectedId={sessionId} />
        </div>
      </main>
    </div>
  );
}
