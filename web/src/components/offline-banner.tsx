import { useI18n } from '../i18n/i18n-context.tsx';

export function OfflineBanner() {
  const { t } = useI18n();
  return (
    <p role="status" data-testid="offline" className="bg-amber-100 px-4 py-2 text-center text-sm text-amber-950 dark:bg-amber-900 dark:text-amber-50">
      {t.offline}
    </p>
  );
}
