import type { SessionView } from '../../../src/api-types.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { formatCost } from '../format.ts';

/** The estimate while the app lives, the recorded cost once the server has one. */
export function CostLine({ session }: { session: SessionView }) {
  const { t, lang } = useI18n();
  const text =
    session.actualCost === null
      ? t.session.estimatedCost(formatCost(session.estimatedCost, lang))
      : t.session.actualCost(formatCost(session.actualCost, lang));
  return (
    <p data-testid="cost" className="text-sm text-slate-600 dark:text-slate-300">
      {text}
      {session.model && <span> · {t.session.model(session.model)}</span>}
    </p>
  );
}
