import { useState } from 'react';
import type { SessionView } from '../../../src/api-types.ts';
import { api } from '../api.ts';
import { describeError, errorOf } from '../format.ts';
import { useI18n } from '../i18n/i18n-context.tsx';

/** What the model is sent when the person asks it to fix the app: the browser's evidence, as found. */
function fixRequest(problems: NonNullable<SessionView['verification']>['problems'], intro: string, maxChars: number): string {
  const lines = problems.map((p) => `- ${p.where ? `${p.where}: ` : ''}${p.message}`);
  return `${intro}\n${lines.join('\n')}`.slice(0, maxChars);
}

/**
 * Says plainly when the browser check found the app broken, and offers the one-click fix: a
 * follow-up edit carrying the evidence (needs a model, as every edit does).
 */
export function VerificationBanner({ session, canFix, maxPromptChars, onSent }: { session: SessionView; canFix: boolean; maxPromptChars: number; onSent(): void }) {
  const { t } = useI18n();
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sentFor, setSentFor] = useState<number | null>(null);
  const v = session.verification;
  if (v?.status !== 'problems' || v.problems.length === 0) return null;
  const [first, ...rest] = v.problems;
  const ask = async () => {
    setSending(true);
    setError(null);
    try {
      await api.postMessage(session.id, fixRequest(v.problems, t.verification.fixPrompt, maxPromptChars));
      setSentFor(v.version);
      onSent();
    } catch (err) {
      setError(describeError(errorOf(err), t));
    } finally {
      setSending(false);
    }
  };
  return (
    <div role="alert" data-testid="verification-banner" className="flex flex-col items-start gap-2 rounded-lg bg-amber-50 p-3 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-50">
      <strong>{t.verification.problem(first!.message)}</strong>
      {first!.where && <span className="font-mono text-xs">{first!.where}</span>}
      {rest.length > 0 && (
        <details>
          <summary>{t.verification.more(rest.length)}</summary>
          <ul className="list-disc pl-5">
            {rest.map((p, i) => (
              <li key={i}>
                {p.message}
                {p.where && <span className="font-mono text-xs"> — {p.where}</span>}
              </li>
            ))}
          </ul>
        </details>
      )}
      {canFix && (
        <button type="button" className="btn-primary" disabled={sending || sentFor === v.version} onClick={() => void ask()}>
          {sentFor === v.version ? t.verification.asked : sending ? t.verification.asking : t.verification.askFix}
        </button>
      )}
      {error && <span role="status">{error}</span>}
    </div>
  );
}
