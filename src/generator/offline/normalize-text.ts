/**
 * Folds a prompt to plain lowercase ASCII-ish words separated by single spaces: accents stripped
 * (`tâches` → `taches`), punctuation and hyphens become spaces (`fais-moi` → `fais moi`), and a
 * trailing plural `s` is dropped so `notes` and `note` match the same keyword.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((word) => word.length > 0)
    .map(singular)
    .join(' ');
}

function singular(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

/** True when `phrase` (one or more words, normalised the same way) occurs on word boundaries. */
export function containsPhrase(normalizedText: string, phrase: string): boolean {
  const needle = normalizeText(phrase);
  return needle.length > 0 && ` ${normalizedText} `.includes(` ${needle} `);
}
