export interface EditBlock {
  search: string;
  replace: string;
}

const SEARCH_LINE = /^<{5,9} ?SEARCH\s*$/;
const DIVIDER_LINE = /^={5,9}\s*$/;
const REPLACE_LINE = /^>{5,9} ?REPLACE\s*$/;

/**
 * Parses the body of an `<edit path="…">` block: one or more
 * `<<<<<<< SEARCH` / `=======` / `>>>>>>> REPLACE` sections. Returns null when the markers are
 * malformed (the caller then asks for the whole file).
 */
export function parseEditBlocks(body: string): EditBlock[] | null {
  const blocks: EditBlock[] = [];
  let mode: 'outside' | 'search' | 'replace' = 'outside';
  let search: string[] = [];
  let replace: string[] = [];
  for (const line of body.split('\n')) {
    const bare = line.replace(/\r$/, '');
    if (mode === 'outside') {
      if (SEARCH_LINE.test(bare)) {
        mode = 'search';
        search = [];
      } else if (bare.trim() !== '') {
        return null;
      }
    } else if (mode === 'search') {
      if (DIVIDER_LINE.test(bare)) {
        mode = 'replace';
        replace = [];
      } else search.push(line);
    } else if (REPLACE_LINE.test(bare)) {
      blocks.push({ search: search.join('\n'), replace: replace.join('\n') });
      mode = 'outside';
    } else replace.push(line);
  }
  return mode === 'outside' && blocks.length > 0 ? blocks : null;
}

export type ApplyOutcome = { ok: true; content: string } | { ok: false; reason: string };

/**
 * Applies blocks in order to `content` (a dry run: nothing is written). Each SEARCH must match
 * exactly once; when the exact text is absent, a match that differs only in trailing whitespace
 * per line is accepted, because models often drop or add it.
 */
export function applyEditBlocks(content: string, blocks: readonly EditBlock[]): ApplyOutcome {
  let current = content;
  for (const [index, block] of blocks.entries()) {
    if (block.search === '') {
      if (current !== '') return { ok: false, reason: `block ${index + 1} has an empty SEARCH section` };
      current = block.replace;
      continue;
    }
    const range = findUnique(current, block.search);
    if (typeof range === 'string') return { ok: false, reason: `block ${index + 1}: ${range}` };
    current = current.slice(0, range.start) + block.replace + current.slice(range.end);
  }
  return { ok: true, content: current };
}

function findUnique(haystack: string, needle: string): { start: number; end: number } | string {
  const first = haystack.indexOf(needle);
  if (first !== -1) {
    if (haystack.indexOf(needle, first + 1) !== -1) return 'the SEARCH text matches more than once';
    return { start: first, end: first + needle.length };
  }
  return findLooseLines(haystack, needle) ?? 'the SEARCH text does not match the file';
}

function findLooseLines(haystack: string, needle: string): { start: number; end: number } | null {
  const lines = haystack.split('\n');
  const wanted = needle.split('\n').map((line) => line.trimEnd());
  const offsets: number[] = [];
  let offset = 0;
  for (const line of lines) {
    offsets.push(offset);
    offset += line.length + 1;
  }
  let found: { start: number; end: number } | null = null;
  for (let i = 0; i + wanted.length <= lines.length; i++) {
    if (!wanted.every((line, j) => (lines[i + j] ?? '').trimEnd() === line)) continue;
    if (found !== null) return null;
    const last = i + wanted.length - 1;
    found = { start: offsets[i] ?? 0, end: (offsets[last] ?? 0) + (lines[last] ?? '').length };
  }
  return found;
}
