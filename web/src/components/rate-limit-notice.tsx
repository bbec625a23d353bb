import { useNow } from '../hooks/use-now.ts';
import { formatTime } from '../format.ts';
import { useI18n } from '../i18n/i18n-context.tsx';

/** After a 429: when creating is possible again (from Retry-After); disappears once it is. */
export function RateLimitNotice({ reason, retryAt }: { reason: string; retryAt: number | null }) {
  const { t, lang } = useI18n();
  const now = useNow();
  if (retryAt !== null && retryAt <= now) return null;
  return (
    <p role="alert" data-testid="rate-limit" className="rounded-lg bg-amber-100 p-3 text-sm text-amber-950 dark:bg-amber-900 dark:text-amber-50">
      {reason} {retryAt !== null && t.retryAt(formatTime(new Date(retryAt), lang))}
    </p>
  );
}
