import { randomBytes } from 'node:crypto';
import type { ConversationTurn, EditRequest, EditedApp, GenerationContext, Generator } from '../../generator/index.ts';
import type { MessageRecord, SessionRecord } from '../../store/index.ts';

/** A generator that can apply follow-up requests to existing files (the LLM generator). */
export interface EditingGenerator extends Generator {
  edit(request: EditRequest, context: GenerationContext): Promise<EditedApp>;
}

/** Capability check instead of a class check: any generator with an `edit` method can edit. */
export function editorOf(generator: Generator): EditingGenerator | null {
  const candidate = generator as Partial<EditingGenerator>;
  return typeof candidate.edit === 'function' ? (generator as EditingGenerator) : null;
}

/** Earlier turns sent to the model are capped: the current files carry the real state. */
const HISTORY_TURNS = 20;
const TURN_CHARS = 2_000;

let counter = 0;

/** Time-ordered within a process, so messages of the same millisecond keep their order. */
export function newMessageId(): string {
  counter = (counter + 1) % 1_679_616; // 36^4
  return `m${Date.now().toString(36).padStart(9, '0')}${counter.toString(36).padStart(4, '0')}${randomBytes(4).toString('hex')}`;
}

/** What the assistant says about a change: the model's own words, else the files it touched. */
export function changeSummary(app: { message?: string; changedPaths?: readonly string[]; deletedPaths?: readonly string[] }): string {
  if (app.message && app.message.trim() !== '') return app.message.trim();
  const parts = [];
  if (app.changedPaths?.length) parts.push(`changed: ${app.changedPaths.join(', ')}`);
  if (app.deletedPaths?.length) parts.push(`deleted: ${app.deletedPaths.join(', ')}`);
  return parts.length > 0 ? parts.join('; ') : 'no file changed';
}

/**
 * The conversation as the model sees it: the original request, then each completed change and
 * its answer, oldest first, always ending with an assistant turn (the edit request follows).
 */
export function editHistory(session: SessionRecord, messages: readonly MessageRecord[]): ConversationTurn[] {
  const turns: ConversationTurn[] = [];
  for (let i = 0; i < messages.length; i++) {
    const ask = messages[i];
    const answer = messages[i + 1];
    if (ask?.role !== 'user' || answer?.role !== 'assistant' || ask.status !== 'done') continue;
    turns.push({ role: 'user', content: clip(ask.content) }, { role: 'assistant', content: clip(answer.content) });
    i++;
  }
  const first: ConversationTurn[] = [
    { role: 'user', content: clip(session.prompt) },
    { role: 'assistant', content: 'I built the first version of the app.' },
  ];
  return [...first, ...turns.slice(-HISTORY_TURNS)];
}

function clip(text: string): string {
  return text.length > TURN_CHARS ? `${text.slice(0, TURN_CHARS)}…` : text;
}
