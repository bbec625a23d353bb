import type { AppType } from '../../api-types.ts';
import { containsPhrase, normalizeText } from './normalize-text.ts';
import type { Template } from './template.ts';
import { TEMPLATES } from './templates/index.ts';

/** What each app type falls back to when no keyword matches. */
export const DEFAULT_TEMPLATE_IDS = {
  webapp: 'todo-list',
  api: 'notes-api',
  script: 'prime-report',
} as const satisfies Record<AppType, string>;

/**
 * Scores a template against a normalised prompt: each keyword found on word boundaries counts its
 * number of words, so "table de multiplication" outweighs a lone "table".
 */
export function scoreTemplate(template: Template, normalizedPrompt: string): number {
  let score = 0;
  for (const keyword of template.keywords) {
    if (containsPhrase(normalizedPrompt, keyword)) score += normalizeText(keyword).split(' ').length;
  }
  return score;
}

/** The best template of `appType` for the prompt, or that type's default when nothing matches. */
export function pickTemplate(prompt: string, appType: AppType, templates: readonly Template[] = TEMPLATES): Template {
  const normalizedPrompt = normalizeText(prompt);
  let best: Template | undefined;
  let bestScore = 0;
  for (const template of templates) {
    if (template.appType !== appType) continue;
    const score = scoreTemplate(template, normalizedPrompt);
    if (score > bestScore) {
      best = template;
      bestScore = score;
    }
  }
  if (best) return best;
  const fallback =
    templates.find((t) => t.id === DEFAULT_TEMPLATE_IDS[appType]) ?? templates.find((t) => t.appType === appType);
  if (!fallback) throw new Error(`no offline template for app type "${appType}"`);
  return fallback;
}
