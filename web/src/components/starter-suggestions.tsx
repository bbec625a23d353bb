import { useI18n } from '../i18n/i18n-context.tsx';

/** Example prompts on the empty screen; picking one fills the chat box. */
export function StarterSuggestions({ onPick }: { onPick(prompt: string): void }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="starters-title" className="flex flex-col gap-3 rounded-xl p-1">
      <p className="text-lg">{t.tagline}</p>
      <h2 id="starters-title" className="text-sm font-semibold text-slate-700 dark:text-slate-200">
        {t.starters.title}
      </h2>
      <ul className="grid gap-2 sm:grid-cols-2">
        {t.starters.items.map((item) => (
          <li key={item}>
            <button type="button" onClick={() => onPick(item)} className="btn h-full w-full justify-start text-left">
              {item}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
