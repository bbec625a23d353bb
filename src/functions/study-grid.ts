import { SpawnError } from '../errors/index.ts';
import { MAX_VALUE_DEPTH, nestsDeeperThan } from './json-depth.ts';

/**
 * The inputs of every run of a study. `grid`: every combination, the first parameter varying
 * slowest; `list`: the i-th value of each parameter (all lists must be as long). Refused with
 * STUDY_TOO_LARGE before anything is built when there would be more than `maxRuns`.
 */
export function studyCombinations(parameters: Record<string, unknown[]>, mode: 'grid' | 'list', maxRuns: number): Record<string, unknown>[] {
  const names = Object.keys(parameters);
  if (names.length === 0) throw new SpawnError('INVALID_REQUEST', 'parameters must name at least one input');
  const lists = names.map((n) => parameters[n] ?? []);
  if (mode === 'list') {
    const length = lists[0]?.length ?? 0;
    if (lists.some((l) => l.length !== length)) {
      throw new SpawnError('INVALID_REQUEST', `in list mode every parameter needs as many values (${names.map((n, i) => `${n}: ${lists[i]?.length}`).join(', ')})`);
    }
    if (length > maxRuns) throw tooLarge(`${length} runs`, maxRuns);
    return Array.from({ length }, (_, i) => Object.fromEntries(names.map((n, j) => [n, lists[j]?.[i]])));
  }
  const total = lists.reduce((product, l) => product * l.length, 1);
  if (total > maxRuns) throw tooLarge(`a grid of ${lists.map((l) => l.length).join(' × ')} = ${total} runs`, maxRuns);
  let rows: Record<string, unknown>[] = [{}];
  for (const [j, name] of names.entries()) {
    rows = rows.flatMap((row) => (lists[j] ?? []).map((value) => ({ ...row, [name]: value })));
  }
  return rows;
}

function tooLarge(what: string, maxRuns: number): SpawnError {
  return new SpawnError('STUDY_TOO_LARGE', `${what} is more than the maximum of ${maxRuns} (SPAWN_STUDY_MAX_RUNS)`, { details: { maxRuns } });
}

/**
 * RFC 4180 CSV: a header row, then one row per entry; non-scalar cells as JSON. A cell nested too
 * deep for JSON.stringify (a row stored before outputs were bounded) is named, not serialised.
 */
export function toCsv(header: string[], rows: unknown[][]): string {
  const json = (value: object): string => (nestsDeeperThan(value, MAX_VALUE_DEPTH) ? `[nested deeper than ${MAX_VALUE_DEPTH} levels]` : JSON.stringify(value));
  const cell = (value: unknown): string => {
    const text = value === null || value === undefined ? '' : typeof value === 'object' ? json(value) : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
