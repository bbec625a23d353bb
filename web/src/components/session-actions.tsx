import { useState } from 'react';
import type { ConfigView, SessionView } from '../../../src/api-types.ts';
import { api } from '../api.ts';
import { describeError, errorOf } from '../format.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { Countdown } from './countdown.tsx';
import { hoursOf, lifetimeOptionsSeconds } from './lifetime-options.ts';

interface SessionActionsProps {
  session: SessionView;
  config: ConfigView;
  onChanged(view: SessionView | null): void;
}

/** Countdown, "extend" and a two-step "destroy now" (no blocking confirm() dialog). */
export function SessionActions({ session, config, onChanged }: SessionActionsProps) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const extendSeconds = lifetimeOptionsSeconds(config.ttl)[0] ?? config.ttl.defaultSeconds;

  const run = async (action: () => Promise<SessionView | null>, done: string | null) => {
    setBusy(true);
    try {
      onChanged(await action());
      setMessage(done);
    } catch (err) {
      setMessage(describeError(errorOf(err), t));
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };
  // The server sets expiresAt = now + ttlSeconds (capped at its maximum lifetime), so "extend by
  // N" asks for what is left plus N.
  const extend = () => {
    const leftSeconds = Math.max(0, Math.ceil((Date.parse(session.expiresAt) - Date.now()) / 1000));
    const ttlSeconds = Math.min(leftSeconds + extendSeconds, config.ttl.maxSeconds);
    return run(() => api.extendSession(session.id, Math.max(ttlSeconds, config.ttl.minSeconds)), t.session.extended);
  };
  const destroy = () =>
    run(async () => {
      await api.destroySession(session.id);
      return null;
    }, null);

  return (
    <div className="flex flex-col gap-2">
      <Countdown expiresAt={session.expiresAt} />
      <div className="flex flex-wrap gap-2">
        <button type="button" className="btn" disabled={busy} onClick={() => void extend()}>
          {t.session.extend(hoursOf(extendSeconds))}
        </button>
        {!confirming && (
          <button type="button" className="btn-danger" disabled={busy} onClick={() => setConfirming(true)}>
            {t.session.destroy}
          </button>
        )}
      </div>
      {confirming && (
        <div role="group" aria-label={t.session.destroy} className="flex flex-wrap items-center gap-2 rounded-lg bg-red-50 p-2 text-sm dark:bg-red-950">
          <span>{t.session.destroyConfirm}</span>
          <button type="button" className="btn-danger" disabled={busy} autoFocus onClick={() => void destroy()}>
            {t.session.destroyYes}
          </button>
          <button type="button" className="btn" onClick={() => setConfirming(false)}>
            {t.session.cancel}
          </button>
        </div>
      )}
      <p role="status" className="text-sm empty:hidden">
        {message}
      </p>
    </div>
  );
}
