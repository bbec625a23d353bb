const MAX_TITLE_CHARS = 60;
const FALLBACK_TITLE = 'Your app';

// Requests and articles people put before what they actually want, longest first within a group.
const LEADING_WORDS = [
  // English
  'please', 'hey', 'hi', 'hello', 'ok', 'okay',
  'can you', 'could you', 'would you', 'will you', 'help me',
  "i'd like to", "i'd like", 'i would like to', 'i would like', 'i want to', 'i want', 'i need to', 'i need', 'i wanna', "let's", 'lets',
  'make me', 'make', 'build me', 'build', 'create me', 'create', 'generate', 'write me', 'write', 'give me',
  'develop', 'set up', 'spin up', 'put together',
  'a', 'an', 'the', 'some', 'my', 'our', 'simple', 'basic', 'small', 'little', 'tiny', 'quick',
  // French
  "s'il te plaît", "s'il vous plaît", 'stp', 'svp', 'salut', 'bonjour',
  'peux-tu', 'peux tu', 'pourrais-tu', 'pouvez-vous', 'tu peux', 'aide-moi à', 'aide moi à',
  'je veux', 'je voudrais', "j'aimerais", "j'ai besoin d'", "j'ai besoin de", 'il me faut', 'on veut',
  'fais-moi', 'fais moi', 'faites-moi', 'fait moi', 'fais', 'crée-moi', 'crée moi', 'créez', 'créer', 'crée', 'cree',
  'construis-moi', 'construis', 'génère-moi', 'génère', 'générer', 'développe', 'écris-moi', 'écris', 'code-moi',
  'un', 'une', 'des', 'le', 'la', 'les', "l'", 'mon', 'ma', 'mes', 'petit', 'petite',
];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// A filler ending in an apostrophe ("l'", "d'") needs no space after it; others end at a word boundary.
const LEADING_RE = new RegExp(
  `^(?:${LEADING_WORDS.map((w) => escapeRegExp(w).replace(/'/g, "['’]")).map((w) => (/['’]\]$/.test(w) ? w : `${w}(?=[\\s,:;!.]|$)`)).join('|')})[\\s,:;!.]*`,
  'iu',
);
const TRAILING_RE = /[\s,:;!?.…-]+$|\s+(?:please|stp|svp|s['’]il (?:te|vous) pla[iî]t)[\s!.]*$/iu;
const LEADING_TO_RE = /^to\s+(?=(?:make|build|create|generate|write|code|design|develop|have|get)\b)/iu;

/**
 * A short human title for an app from its prompt: request phrasing and articles removed, first
 * letter capitalised, at most 60 characters cut at a word boundary, never empty.
 *
 * @example titleFromPrompt('Make me a pomodoro timer with a task list') // 'Pomodoro timer with a task list'
 * @example titleFromPrompt('fais-moi une liste de courses') // 'Liste de courses'
 */
export function titleFromPrompt(prompt: string): string {
  let text = (prompt.split(/\r?\n/).find((line) => line.trim() !== '') ?? '').replace(/\s+/g, ' ').trim();
  text = text.replace(/^["'“”«»\s]+|["'“”«»\s]+$/gu, '');
  for (let previous = ''; previous !== text; ) {
    previous = text;
    text = text.replace(LEADING_RE, '').replace(LEADING_TO_RE, '').replace(TRAILING_RE, '').trim();
  }
  if (text === '') return FALLBACK_TITLE;
  text = text.charAt(0).toLocaleUpperCase() + text.slice(1);
  return truncateAtWord(text, MAX_TITLE_CHARS);
}

function truncateAtWord(text: string, maxChars: number): string {
  const chars = Array.from(text);
  if (chars.length <= maxChars) return text;
  const head = chars.slice(0, maxChars - 1).join('');
  const lastSpace = head.lastIndexOf(' ');
  const cut = lastSpace > maxChars / 3 ? head.slice(0, lastSpace) : head;
  return `${cut.replace(/[\s,:;!?.…-]+$/u, '')}…`;
}
