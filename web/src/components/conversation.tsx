import type { MessageView } from '../../../src/api-types.ts';
import { useI18n } from '../i18n/i18n-context.tsx';

interface ConversationProps {
  messages: MessageView[];
  /** The live edit step (`editing`, `redeploying`, `edited`), if an edit streamed one. */
  step: string | null;
}

/**
 * The turns after the original prompt: each requested change and what SpawnAI did about it. The
 * original prompt is shown here too when an image came with it, so the person sees what the model saw.
 */
export function Conversation({ messages, step }: ConversationProps) {
  const { t } = useI18n();
  const later = messages.slice(1);
  const first = messages[0];
  const turns = first?.image ? [first, ...later] : later;
  if (turns.length === 0) return null;
  const busy = later.some((m) => m.status === 'pending');
  return (
    <section aria-label={t.session.conversation} data-testid="conversation" className="flex flex-col gap-2 text-sm">
      <h3 className="font-semibold">{t.session.conversation}</h3>
      <ol className="flex flex-col gap-1.5">
        {turns.map((m) => (
          <li
            key={m.id}
            data-role={m.role}
            className={`rounded-lg p-2 ${m.role === 'user' ? 'bg-indigo-50 dark:bg-indigo-950' : 'bg-slate-100 dark:bg-slate-800'}`}
          >
            <span className="font-semibold">{m.role === 'user' ? t.session.you : t.session.assistant}: </span>
            {m.content}
            {m.image && <img src={m.image.url} alt={t.session.promptImage} data-testid="prompt-image" className="mt-1 block max-h-40 max-w-full rounded border border-slate-300 dark:border-slate-600" />}
            {m.status === 'failed' && <span className="block text-red-700 dark:text-red-400">{t.session.failedChange}</span>}
          </li>
        ))}
      </ol>
      {busy && (
        <p role="status" data-testid="edit-step" className="text-slate-600 dark:text-slate-300">
          {(step && t.steps[step]) ?? t.session.pending}
        </p>
      )}
    </section>
  );
}
