import type { ModelMessage } from 'ai';
import type { AppFile } from '../../runtime/index.ts';
import type { GenerateRequest } from '../generator.ts';

/** The first user message of a generation. The request is fenced off as data, not instructions. */
export function requestMessage(req: Pick<GenerateRequest, 'appType' | 'title' | 'prompt'>): string {
  return [
    `Build this ${req.appType} app now, following the rules above.`,
    `Title: ${req.title}`,
    '',
    'The request, verbatim from the person:',
    '<request>',
    req.prompt,
    '</request>',
  ].join('\n');
}

/** Current files, in the same block form the model answers with. */
export function filesMessage(files: readonly AppFile[]): string {
  return ['The current files of the app:', '', ...files.map((file) => `<file path="${file.path}">\n${file.content}\n</file>`)].join('\n');
}

export const CONTINUE_PROMPT =
  'Your answer was cut off. Continue exactly where it stopped, starting with the very next character: ' +
  'do not repeat anything, add no preamble, keep using the same blocks and close every block you open.';

export function wholeFilePrompt(failures: readonly { path: string; reason: string }[]): string {
  return [
    'These changes could not be applied to the current files:',
    ...failures.map((failure) => `- ${failure.path}: ${failure.reason}`),
    '',
    `Send the complete new content of ${failures.map((failure) => failure.path).join(', ')} as <file> blocks (whole files, no SEARCH/REPLACE).`,
  ].join('\n');
}

export function repairMessage(files: readonly AppFile[], errors: readonly string[]): string {
  return `${filesMessage(files)}\n\nThe checks found these problems:\n${errors.map((error) => `- ${error}`).join('\n')}\n\nFix them.`;
}

export function continuationMessages(messages: readonly ModelMessage[], partial: string): ModelMessage[] {
  return [...messages, { role: 'assistant', content: partial }, { role: 'user', content: CONTINUE_PROMPT }];
}
