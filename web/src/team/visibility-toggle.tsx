import { useState } from 'react';
import { VISIBILITIES, type SessionView, type Visibility } from '../../../src/api-types.ts';
import { describeError, errorOf } from '../format.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { teamApi } from './team-api.ts';

/** Public (anyone with the link) or private to the organisation: the app proxy enforces it. */
export function VisibilityToggle({ session, onChanged }: { session: SessionView; onChanged(view: SessionView): void }) {
  const { t } = useI18n();
  const v = t.teams.visibility;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Shown at once while the server confirms; a refusal puts the server's value back.
  const [asked, setAsked] = useState<Visibility | null>(null);
  const current = asked ?? session.visibility ?? 'public';
  const change = async (visibility: Visibility) => {
    setBusy(true);
    setError(null);
    setAsked(visibility);
    try {
      onChanged(await teamApi.setVisibility(session.id, visibility));
    } catch (err) {
      setError(describeError(errorOf(err), t));
    } finally {
      setAsked(null);
      setBusy(false);
    }
  };
  return (
    <fieldset className="flex flex-col gap-1 text-sm" data-testid="visibility" data-visibility={current}>
      <legend className="mb-1 font-medium">{v.label}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {VISIBILITIES.map((option) => (
          <label key={option} className="flex items-center gap-1">
            <input type="radio" name={`visibility-${session.id}`} checked={current === option} disabled={busy} onChange={() => void change(option)} />
            {v[option]}
          </label>
        ))}
      </div>
      {error && <p role="alert" className="text-red-700 dark:text-red-300">{error}</p>}
    </fieldset>
  );
}
