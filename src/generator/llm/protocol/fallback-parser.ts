import type { AppType } from '../../../api-types.ts';
import { blockLanguage, findFencedBlocks, isPathLike, type FencedBlock } from './fenced-blocks.ts';
import type { ParsedFile } from './file-stream-parser.ts';

export interface FallbackResult {
  files: ParsedFile[];
  prose: string;
  /** Path of a named block the text ended inside, if any. */
  unterminated: string | null;
  shape: 'json' | 'fenced' | 'none';
}

/**
 * Shapes models fall back to when they ignore the file protocol: a JSON object of files (fenced or
 * not), fenced blocks named in the info string or on the line before, and a lone unnamed block in
 * the app's entry language.
 */
export function parseFallbackShapes(text: string, appType?: AppType): FallbackResult {
  const json = parseJsonFiles(text.trim());
  if (json !== null) return { files: json, prose: '', unterminated: null, shape: 'json' };
  const lines = text.split('\n');
  const blocks = findFencedBlocks(lines);
  for (const block of blocks) {
    if (blockLanguage(block) !== 'json' || block.closeLine === null) continue;
    const files = parseJsonFiles(block.content.trim());
    if (files !== null) return { files, prose: proseWithout(lines, [block]), unterminated: null, shape: 'json' };
  }
  const named = blocks.filter((block) => block.path !== null);
  const adopted = adoptUnnamed(blocks, named, appType);
  const used = [...named, ...adopted.map(([block]) => block)].sort((a, b) => a.openLine - b.openLine);
  if (used.length === 0) return { files: [], prose: text, unterminated: null, shape: 'none' };
  const files = new Map<string, string>();
  let unterminated: string | null = null;
  for (const block of used) {
    const path = block.path ?? adopted.find(([candidate]) => candidate === block)?.[1] ?? '';
    if (block.closeLine === null) unterminated = path;
    else files.set(path, block.content);
  }
  return { files: [...files].map(([path, content]) => ({ path, content })), prose: proseWithout(lines, used), unterminated, shape: 'fenced' };
}

const ENTRY_BY_LANGUAGE: Record<AppType, Record<string, string>> = {
  webapp: { html: 'index.html', htm: 'index.html' },
  api: { html: 'index.html', js: 'server.js', javascript: 'server.js', node: 'server.js', mjs: 'server.js' },
  script: { html: 'index.html', js: 'main.js', javascript: 'main.js', node: 'main.js', python: 'main.py', py: 'main.py', python3: 'main.py' },
};

function adoptUnnamed(blocks: FencedBlock[], named: FencedBlock[], appType: AppType = 'webapp'): Array<[FencedBlock, string]> {
  const byPath = new Map<string, FencedBlock[]>();
  for (const block of blocks) {
    if (block.path !== null) continue;
    const language = blockLanguage(block) || (/^\s*<(!doctype html|html)/i.test(block.content) ? 'html' : '');
    const path = ENTRY_BY_LANGUAGE[appType][language];
    if (path === undefined || named.some((other) => other.path === path)) continue;
    byPath.set(path, [...(byPath.get(path) ?? []), block]);
  }
  // Only a lone candidate is unambiguous; two unnamed HTML blocks may be an example and the answer.
  return [...byPath].filter(([, candidates]) => candidates.length === 1).map(([path, candidates]) => [candidates[0] as FencedBlock, path]);
}

function proseWithout(lines: readonly string[], blocks: readonly FencedBlock[]): string {
  const skip = new Set<number>();
  for (const block of blocks) {
    for (let i = block.openLine; i <= (block.closeLine ?? lines.length - 1); i++) skip.add(i);
    if (block.nameLine !== null) skip.add(block.nameLine);
  }
  return lines.filter((_, i) => !skip.has(i)).join('\n');
}

/** `{"files":[{"path","content"}]}`, `{"files":{"a.js":"…"}}` or `{"index.html":"…"}`; null otherwise. */
function parseJsonFiles(text: string): ParsedFile[] | null {
  if (!text.startsWith('{')) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const files = (value as { files?: unknown }).files ?? value;
  if (Array.isArray(files)) {
    const parsed = files.map((entry: unknown) => {
      const { path, content } = (entry ?? {}) as { path?: unknown; content?: unknown };
      return typeof path === 'string' && typeof content === 'string' ? { path, content } : null;
    });
    return parsed.length > 0 && parsed.every((file) => file !== null) ? (parsed as ParsedFile[]) : null;
  }
  if (typeof files !== 'object' || files === null) return null;
  const entries = Object.entries(files);
  if (entries.length === 0 || !entries.every(([path, content]) => isPathLike(path) && typeof content === 'string')) return null;
  return entries.map(([path, content]) => ({ path, content: content as string }));
}
