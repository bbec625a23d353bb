import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en, type Messages } from './en.ts';
import { fr } from './fr.ts';

export const CATALOGUES = { en, fr } as const satisfies Record<string, Messages>;
export type Lang = keyof typeof CATALOGUES;
const STORAGE_KEY = 'spawnai.lang';

function isLang(value: string | null): value is Lang {
  return value !== null && Object.hasOwn(CATALOGUES, value);
}

/** The saved choice wins; otherwise the first of the browser's languages we have a catalogue for. */
export function detectLang(): Lang {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (isLang(saved)) return saved;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.toLowerCase().split('-')[0] ?? '';
    if (isLang(base)) return base;
  }
  return 'en';
}

interface I18n {
  t: Messages;
  lang: Lang;
  setLang(lang: Lang): void;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(detectLang);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = CATALOGUES[lang].appName;
  }, [lang]);
  const value = useMemo<I18n>(
    () => ({
      t: CATALOGUES[lang],
      lang,
      setLang(next) {
        localStorage.setItem(STORAGE_KEY, next);
        setLangState(next);
      },
    }),
    [lang],
  );
  return <I18nContext value={value}>{children}</I18nContext>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n() must be used inside <I18nProvider>');
  return value;
}
