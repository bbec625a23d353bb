import { useI18n } from '../i18n/i18n-context.tsx';
import { FUNCTIONS_HASH, USAGE_HASH } from '../hooks/use-view-route.ts';
import { UserMenu } from '../team/user-menu.tsx';
import { LanguageSwitch } from './language-switch.tsx';

export function AppHeader({ onNewApp }: { onNewApp(): void }) {
  const { t } = useI18n();
  return (
    <header className="flex items-center justify-between gap-3 border-b border-slate-200 px-4 py-3 dark:border-slate-800">
      <a href="#" aria-label={t.header.home} className="flex items-center gap-2 text-xl font-bold tracking-tight">
        <img src="/icon.svg" alt="" width={28} height={28} />
        {/* On a phone the links need the room: the icon alone stands for the name there. */}
        <span className="hidden sm:inline">{t.appName}</span>
      </a>
      <div className="flex min-w-0 flex-wrap items-center justify-end gap-x-3 gap-y-1">
        <a href={FUNCTIONS_HASH} className="text-sm font-medium underline-offset-4 hover:underline">
          {t.header.functions}
        </a>
        <a href={USAGE_HASH} className="text-sm font-medium underline-offset-4 hover:underline">
          {t.header.usage}
        </a>
        <button type="button" className="btn" onClick={onNewApp}>
          {t.header.newApp}
        </button>
        <LanguageSwitch />
        <UserMenu />
      </div>
    </header>
  );
}
