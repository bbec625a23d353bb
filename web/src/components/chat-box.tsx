import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { APP_TYPES, type AppType, type ConfigView, type CreateSessionRequest } from '../../../src/api-types.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { ImagePicker, type PickedImage } from './image-picker.tsx';
import { defaultLifetimeSeconds, hoursOf, lifetimeOptionsSeconds } from './lifetime-options.ts';

interface ChatBoxProps {
  config: ConfigView;
  value: string;
  onChange(value: string): void;
  onSubmit(request: CreateSessionRequest): void;
  busy: boolean;
  /** Shown under the box, e.g. the server's refusal in plain words. */
  serverError: string | null;
  /** Set while the message goes to the running app as a change instead of creating a new app. */
  refine?: { title: string; onStartNew(): void } | null;
}

export function ChatBox({ config, value, onChange, onSubmit, busy, serverError, refine = null }: ChatBoxProps) {
  const { t } = useI18n();
  const id = useId();
  const [appType, setAppType] = useState<AppType | 'auto'>('auto');
  const [ttlSeconds, setTtlSeconds] = useState<number | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const [image, setImage] = useState<PickedImage | null>(null);
  const ttl = ttlSeconds ?? defaultLifetimeSeconds(config.ttl);
  const tooLong = value.length > config.maxPromptChars;

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (busy) return;
    if (value.trim() === '') return setLocalError(t.chat.empty);
    if (tooLong) return setLocalError(t.chat.tooLong(config.maxPromptChars));
    setLocalError(null);
    onSubmit({ prompt: value.trim(), appType: appType === 'auto' ? undefined : appType, ttlSeconds: ttl, ...(image && !refine ? { image } : {}) });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };
  const error = localError ?? serverError;
  const field = 'rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900';

  return (
    <form onSubmit={submit} className="flex flex-col gap-2 rounded-xl border border-slate-200 bg-white p-3 shadow-sm dark:border-slate-700 dark:bg-slate-900">
      {refine && (
        <div data-testid="refine-mode" className="flex flex-wrap items-center justify-between gap-2 rounded-lg bg-amber-50 px-2 py-1 text-sm dark:bg-amber-950">
          <strong>{t.chat.refining(refine.title)}</strong>
          <button type="button" className="btn py-0.5 text-xs" onClick={refine.onStartNew}>
            {t.chat.startNew}
          </button>
        </div>
      )}
      <label htmlFor={`${id}-prompt`} className="text-sm font-semibold">
        {refine ? t.chat.refineLabel : t.chat.label}
      </label>
      <textarea
        id={`${id}-prompt`}
        value={value}
        onChange={(e) => {
          onChange(e.target.value);
          setLocalError(null);
        }}
        onKeyDown={onKeyDown}
        rows={3}
        placeholder={refine ? t.chat.refinePlaceholder : t.chat.placeholder}
        aria-invalid={error !== null || tooLong}
        aria-describedby={`${id}-hint ${id}-count ${id}-error`}
        className="w-full resize-y rounded-lg border border-slate-300 bg-white p-2 text-base placeholder:text-slate-500 dark:border-slate-600 dark:bg-slate-950 dark:placeholder:text-slate-400"
      />
      <div className="flex flex-wrap justify-between gap-2 text-xs text-slate-600 dark:text-slate-300">
        <span id={`${id}-hint`}>{t.chat.hint}</span>
        <span id={`${id}-count`} data-testid="char-counter" className={tooLong ? 'font-semibold text-red-700 dark:text-red-400' : ''}>
          {t.chat.counter(value.length, config.maxPromptChars)}
        </span>
      </div>
      <p id={`${id}-error`} role="alert" className="min-h-0 text-sm font-medium text-red-700 empty:hidden dark:text-red-400">
        {error}
      </p>
      {!refine && <ImagePicker image={image} onChange={setImage} />}
      <div className="flex flex-wrap items-end gap-3">
        {!refine && (
          <>
            <label className="flex flex-col gap-1 text-xs font-medium">
              {t.chat.appType}
              <select value={appType} onChange={(e) => setAppType(e.target.value as AppType | 'auto')} className={field}>
                <option value="auto">{t.chat.appTypes.auto}</option>
                {APP_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {t.chat.appTypes[type]}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex flex-col gap-1 text-xs font-medium">
              {t.chat.lifetime}
              <select value={ttl} onChange={(e) => setTtlSeconds(Number(e.target.value))} className={field}>
                {lifetimeOptionsSeconds(config.ttl).map((seconds) => (
                  <option key={seconds} value={seconds}>
                    {t.chat.hours(hoursOf(seconds))}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        <button type="submit" disabled={busy} className="btn-primary ml-auto">
          {refine ? (busy ? t.chat.refineSending : t.chat.refineSend) : busy ? t.chat.sending : t.chat.send}
        </button>
      </div>
    </form>
  );
}
