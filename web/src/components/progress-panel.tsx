import type { SessionState } from '../../../src/api-types.ts';
import type { LiveSession } from '../hooks/use-session-events.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { EventLog } from './event-log.tsx';

interface ProgressPanelProps {
  live: LiveSession;
  state: SessionState;
  progress: number;
}

export function ProgressPanel({ live, state, progress }: ProgressPanelProps) {
  const { t } = useI18n();
  const done = state === 'running' || state === 'destroyed' || state === 'failed';
  const step = (state === 'running' ? t.steps.ready : live.step && (t.steps[live.step] ?? live.step)) || t.states[state] || state;
  const percent = Math.round(Math.min(100, Math.max(0, progress)));
  return (
    <section aria-label={t.progress.label} className="flex flex-col gap-2">
      <div className="flex items-baseline justify-between gap-2 text-sm">
        <span aria-live="polite" data-testid="progress-step" className="font-medium">
          {step}
        </span>
        <span data-testid="progress-percent" className="tabular-nums text-slate-600 dark:text-slate-300">
          {t.progress.percent(percent)}
        </span>
      </div>
      <div
        role="progressbar"
        aria-label={t.progress.label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${t.progress.percent(percent)}, ${step}`}
        className="h-2.5 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
      >
        <div
          className={`h-full rounded-full transition-[width] duration-500 ${state === 'failed' ? 'bg-red-600' : 'bg-indigo-600 dark:bg-indigo-400'}`}
          style={{ width: `${percent}%` }}
        />
      </div>
      {live.status === 'reconnecting' && (
        <p role="status" data-testid="reconnecting" className="text-sm text-amber-800 dark:text-amber-300">
          {t.progress.reconnecting}
        </p>
      )}
      <EventLog live={live} defaultOpen={!done} />
    </section>
  );
}
