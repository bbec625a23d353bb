import { useState } from 'react';
import { useI18n } from '../i18n/i18n-context.tsx';

/** A secret or link shown in full (selectable) with a copy button: it is shown this once. */
export function CopyField({ label, value, testId }: { label: string; value: string; testId?: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      // No clipboard permission (plain HTTP on another host): the text is selectable instead.
      setCopied(false);
    }
  };
  return (
    <div className="flex min-w-0 items-center gap-2">
      <input
        readOnly
        aria-label={label}
        data-testid={testId}
        value={value}
        onFocus={(e) => e.currentTarget.select()}
        className="min-w-0 flex-1 rounded-lg border border-slate-300 bg-slate-50 px-2 py-1 font-mono text-sm dark:border-slate-600 dark:bg-slate-800"
      />
      <button type="button" className="btn shrink-0" onClick={() => void copy()}>
        {copied ? t.teams.copied : t.teams.copy}
      </button>
    </div>
  );
}
