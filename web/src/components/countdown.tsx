import { useNow } from '../hooks/use-now.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { formatClock } from '../format.ts';

/** Live time left until `expiresAt`; the machine-readable instant sits in `dateTime`. */
export function Countdown({ expiresAt }: { expiresAt: string }) {
  const { t } = useI18n();
  const now = useNow();
  const leftMs = Date.parse(expiresAt) - now;
  return (
    <p className="flex items-baseline gap-2 text-sm">
      <span className="text-slate-600 dark:text-slate-300">{t.session.timeLeft}</span>
      <time dateTime={expiresAt} data-testid="countdown" className="font-mono text-lg font-semibold tabular-nums">
        {leftMs > 0 ? formatClock(leftMs) : t.session.expiring}
      </time>
    </p>
  );
}
