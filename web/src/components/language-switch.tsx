import { CATALOGUES, useI18n, type Lang } from '../i18n/i18n-context.tsx';

export function LanguageSwitch() {
  const { t, lang, setLang } = useI18n();
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="sr-only sm:not-sr-only">{t.header.language}</span>
      <select
        value={lang}
        onChange={(e) => setLang(e.target.value as Lang)}
        className="rounded-lg border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
      >
        {Object.entries(CATALOGUES).map(([code, catalogue]) => (
          <option key={code} value={code} lang={code}>
            {catalogue.languageName}
          </option>
        ))}
      </select>
    </label>
  );
}
