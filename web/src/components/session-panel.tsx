import type { ConfigView, SessionView } from '../../../src/api-types.ts';
import type { Revisions } from '../hooks/use-revisions.ts';
import type { LiveSession } from '../hooks/use-session-events.ts';
import { describeError } from '../format.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { effectiveState } from '../session-state.ts';
import { Conversation } from './conversation.tsx';
import { CostLine } from './cost-line.tsx';
import { ProgressPanel } from './progress-panel.tsx';
import { SessionActions } from './session-actions.tsx';
import { SessionExtras } from './session-extras.tsx';
import { SessionThumbnail } from './session-thumbnail.tsx';
import { VerificationBanner } from './verification-banner.tsx';
import { VersionList } from './version-list.tsx';
import { VisibilityToggle } from '../team/visibility-toggle.tsx';

interface SessionPanelProps {
  session: SessionView;
  live: LiveSession;
  config: ConfigView;
  onChanged(view: SessionView | null): void;
  onRetry(session: SessionView): void;
  revisions: Revisions;
}

/** One session: what was asked, where it stands, and what can be done with it. */
export function SessionPanel({ session, live, config, onChanged, onRetry, revisions }: SessionPanelProps) {
  const { t } = useI18n();
  const state = effectiveState(session, live);
  const progress = live.progress ?? session.progress;
  const error = session.error ?? live.error;
  return (
    <article aria-labelledby="session-title" className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-700 dark:bg-slate-900">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="session-title" className="text-lg font-semibold">
          {session.title || session.prompt.slice(0, 60)}
        </h2>
        <span data-testid="session-state" data-state={state} className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-semibold dark:bg-slate-800">
          {t.states[state]}
        </span>
      </header>
      <blockquote className="rounded-lg bg-indigo-50 p-2 text-sm dark:bg-indigo-950">
        <span className="sr-only">{t.session.prompt}: </span>
        {session.prompt}
      </blockquote>
      <ProgressPanel live={live} state={state} progress={state === 'running' ? 100 : progress} />
      {state === 'failed' && (
        <div role="alert" className="flex flex-col items-start gap-2 rounded-lg bg-red-50 p-3 text-sm text-red-900 dark:bg-red-950 dark:text-red-100">
          <strong>{t.session.failedTitle}</strong>
          {error && <span data-testid="failure-reason">{describeError(error, t)}</span>}
          <button type="button" className="btn-primary" onClick={() => onRetry(session)}>
            {t.session.tryAgain}
          </button>
        </div>
      )}
      {(state === 'destroyed' || state === 'destroying') && (
        <p role="status" className="rounded-lg bg-slate-100 p-3 text-sm dark:bg-slate-800">
          {t.session.destroyedTitle}
        </p>
      )}
      {state === 'running' && (
        <VerificationBanner session={session} canFix={config.generator === 'llm'} maxPromptChars={config.maxPromptChars} onSent={() => void revisions.refresh()} />
      )}
      {state === 'running' && <SessionThumbnail session={session} alt={t.verification.thumbnail} className="h-24 w-40 self-start" />}
      {state === 'running' && <Conversation messages={revisions.messages} step={live.step} />}
      {state === 'running' && config.generator === 'offline-template' && (
        <p data-testid="refine-hint" className="text-sm text-slate-600 dark:text-slate-300">
          {t.session.refineNeedsModel}
        </p>
      )}
      {state === 'running' && revisions.versions && (
        <VersionList sessionId={session.id} versions={revisions.versions} onRestored={() => void revisions.refresh()} />
      )}
      {state === 'running' && <SessionActions session={session} config={config} onChanged={onChanged} />}
      {state === 'running' && session.visibility !== undefined && <VisibilityToggle session={session} onChanged={onChanged} />}
      {state === 'running' && <SessionExtras sessionId={session.id} />}
      <CostLine session={session} />
    </article>
  );
}
