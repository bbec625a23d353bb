import type { ConfigView } from '../../../src/api-types.ts';
import { useI18n } from '../i18n/i18n-context.tsx';

/** Says when apps come from offline templates and how to configure a real model. */
export function GeneratorNotice({ config }: { config: ConfigView }) {
  const { t } = useI18n();
  if (config.generator !== 'offline-template') return null;
  return (
    <p data-testid="generator-notice" className="rounded-lg border border-sky-200 bg-sky-50 p-3 text-sm text-sky-950 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-50">
      {t.generator.offline} {t.generator.howTo}
    </p>
  );
}
