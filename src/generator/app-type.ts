import type { AppType } from '../api-types.ts';
import { containsPhrase, normalizeText } from './offline/normalize-text.ts';

/**
 * Words and phrases (English and French, matched accent-insensitively on word boundaries) that
 * point to each app type. Strong hints name the kind of program ("api", "script") or need a
 * server by nature (a poll shared between voters); weak ones are topics ("report", "json").
 */
export const APP_TYPE_HINTS = {
  api: {
    strong: ['api', 'rest', 'restful', 'endpoint', 'backend', 'back end', 'webhook', 'graphql', 'microservice', 'server', 'serveur', 'poll', 'vote', 'voting', 'sondage', 'voter'],
    weak: ['json', 'crud', 'database', 'db', 'base de donnees', 'http', 'route', 'websocket', 'real time', 'temps reel'],
  },
  script: {
    strong: ['script', 'cli', 'command line', 'ligne de commande', 'batch', 'run once', 'one off', 'cron'],
    weak: ['report', 'rapport', 'compute', 'calculate', 'calcule', 'calculer', 'generate a table', 'genere une table', 'generer une table', 'table of', 'multiplication table', 'times table', 'table de multiplication', 'simulate', 'simulation', 'simuler', 'amortization', 'amortisation', 'amortissement', 'prime number', 'nombre premier', 'statistics', 'statistique', 'maze', 'labyrinthe'],
  },
  webapp: {
    strong: [],
    weak: ['app', 'application', 'appli', 'page', 'website', 'site', 'interactive', 'interactif', 'button', 'bouton', 'form', 'formulaire', 'game', 'jeu', 'timer', 'minuteur', 'tracker', 'calculator', 'calculatrice', 'dashboard', 'tableau de bord'],
  },
} as const satisfies Record<AppType, { strong: readonly string[]; weak: readonly string[] }>;

const STRONG_WEIGHT = 3;

function hintScore(normalizedPrompt: string, appType: AppType): number {
  const hints = APP_TYPE_HINTS[appType];
  const count = (phrases: readonly string[]) => phrases.filter((p) => containsPhrase(normalizedPrompt, p)).length;
  return count(hints.strong) * STRONG_WEIGHT + count(hints.weak);
}

/**
 * Guesses the app type of a prompt when the user did not choose one: the type with the highest
 * hint score, `webapp` on ties with it (and when nothing matches), `api` on an api/script tie.
 *
 * @example inferAppType('a REST API for notes') // 'api'
 * @example inferAppType('un script qui calcule les nombres premiers') // 'script'
 * @example inferAppType('an app to calculate tips') // 'webapp'
 */
export function inferAppType(prompt: string): AppType {
  const normalized = normalizeText(prompt);
  const api = hintScore(normalized, 'api');
  const script = hintScore(normalized, 'script');
  const webapp = hintScore(normalized, 'webapp');
  if (webapp >= api && webapp >= script) return 'webapp';
  return script > api ? 'script' : 'api';
}
