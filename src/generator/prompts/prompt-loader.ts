import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AppType } from '../../api-types.ts';

export const PROMPT_NAMES = ['webapp', 'api', 'script', 'edit', 'repair'] as const;
export type PromptName = (typeof PROMPT_NAMES)[number];

/** Current version of each prompt; bump it (and add `NAME.vN.md`) whenever the text changes meaning. */
export const PROMPT_VERSIONS: Readonly<Record<PromptName | 'protocol', string>> = {
  webapp: 'v2',
  api: 'v2',
  script: 'v1',
  edit: 'v1',
  repair: 'v2',
  protocol: 'v1',
};

export interface LoadedPrompt {
  /** `webapp.v1` — recorded with each generation and part of cache keys. */
  id: string;
  text: string;
  /** First 16 hex digits of the SHA-256 of `text`: changes when the curated packages change, too. */
  hash: string;
}

export interface PromptContext {
  appType: AppType;
  /** Curated packages as `name: description` lines for the prompt. */
  packages: readonly { name: string; description: string }[];
}

/**
 * Loads `prompts/<name>.<version>.md` and fills its placeholders: `{{protocol}}` (the file
 * protocol), `{{packages}}` (the curated package list) and, for edit/repair, `{{app_rules}}` (the
 * "## The app" section of the app type's prompt).
 */
export function loadPrompt(name: PromptName, context: PromptContext): LoadedPrompt {
  const version = PROMPT_VERSIONS[name];
  const packages = context.packages.map((entry) => `  - \`${entry.name}\`${entry.description === '' ? '' : ` — ${entry.description}`}`).join('\n');
  const fill = (text: string): string =>
    text
      .replaceAll('{{protocol}}', () => readPromptFile('protocol', PROMPT_VERSIONS.protocol).trim())
      .replaceAll('{{packages}}', () => packages)
      .replaceAll('{{app_rules}}', () => appRules(context.appType, fill));
  const text = fill(readPromptFile(name, version)).trim() + '\n';
  return { id: `${name}.${version}`, text, hash: createHash('sha256').update(text).digest('hex').slice(0, 16) };
}

function appRules(appType: AppType, fill: (text: string) => string): string {
  const source = readPromptFile(appType, PROMPT_VERSIONS[appType]).replace('{{protocol}}', '');
  const section = /^## The app[\s\S]*/m.exec(source)?.[0] ?? '';
  return fill(section).trim();
}

const cache = new Map<string, string>();

function readPromptFile(name: string, version: string): string {
  const key = `${name}.${version}`;
  let text = cache.get(key);
  if (text === undefined) {
    text = readFileSync(new URL(`./${key}.md`, import.meta.url), 'utf8');
    cache.set(key, text);
  }
  return text;
}
