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

/**
 * A repair round: what the app is for (the person's request, verbatim, fenced off as data), its
 * current files and the concrete evidence — messages with file and line, failed URLs and statuses,
 * failed smoke steps.
 */
export function repairMessage(files: readonly AppFile[], errors: readonly string[], request?: string): string {
  const purpose = request === undefined ? [] : ['The app was built for this request, verbatim from the person:', '<request>', request, '</request>', ''];
  return [...purpose, filesMessage(files), '', 'The checks found these problems:', ...errors.map((error) => `- ${error}`), '', 'Fix them, keeping everything the request asks for.'].join('\n');
}

export function continuationMessages(messages: readonly ModelMessage[], partial: string): ModelMessage[] {
  return [...messages, { role: 'assistant', content: partial }, { role: 'user', content: CONTINUE_PROMPT }];
}
