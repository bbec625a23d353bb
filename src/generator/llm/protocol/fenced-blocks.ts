export interface FencedBlock {
  info: string;
  content: string;
  /** Line index of the opening fence. */
  openLine: number;
  /** Line index of the closing fence, or null when the text ended inside the block. */
  closeLine: number | null;
  /** Path taken from the info string or from a lone name on the line just before the fence. */
  path: string | null;
  /** Line index of that name line, when the path came from it. */
  nameLine: number | null;
}

const OPEN_FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^`]*)$/;
const PATH_LIKE = /^[\w@+-][\w.@+/-]*\.[A-Za-z0-9]+$|^[\w.@+-]+\/[\w.@+/-]+$/;
const PATH_ATTRIBUTE = /^(?:path|file|filename|name|title)=["']?([^"']+)["']?$/;

/** Splits Markdown into fenced code blocks (CommonMark fences: ``` or ~~~, closed by a fence at least as long). */
export function findFencedBlocks(lines: readonly string[]): FencedBlock[] {
  const blocks: FencedBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = OPEN_FENCE.exec(lines[i] ?? '');
    if (open === null) continue;
    const fence = open[1] as string;
    const info = (open[2] ?? '').trim();
    let close: number | null = null;
    for (let j = i + 1; j < lines.length; j++) {
      const line = (lines[j] ?? '').trim();
      if (line.length >= fence.length && line === (fence[0] as string).repeat(line.length)) {
        close = j;
        break;
      }
    }
    const end = close ?? lines.length;
    const fromInfo = pathFromInfo(info);
    const nameLine = fromInfo === null ? previousNameLine(lines, i, blocks.at(-1)) : null;
    blocks.push({
      info,
      content: lines.slice(i + 1, end).join('\n'),
      openLine: i,
      closeLine: close,
      path: fromInfo ?? (nameLine === null ? null : pathFromNameLine(lines[nameLine] ?? '')),
      nameLine,
    });
    i = end;
  }
  return blocks;
}

/** The language of a block: the first info token that is not a path or attribute. */
export function blockLanguage(block: FencedBlock): string {
  const token = block.info.split(/\s+/)[0] ?? '';
  return token.includes('=') || PATH_LIKE.test(token) ? '' : (token.split(':')[0] ?? '').toLowerCase();
}

export function isPathLike(text: string): boolean {
  return PATH_LIKE.test(text);
}

function pathFromInfo(info: string): string | null {
  for (const token of info.split(/\s+/)) {
    const attribute = PATH_ATTRIBUTE.exec(token);
    if (attribute?.[1] !== undefined) return attribute[1];
    const afterColon = token.includes(':') ? token.slice(token.indexOf(':') + 1) : token;
    if (PATH_LIKE.test(afterColon)) return afterColon;
  }
  return null;
}

function previousNameLine(lines: readonly string[], fenceLine: number, previous: FencedBlock | undefined): number | null {
  const floor = previous === undefined ? -1 : (previous.closeLine ?? lines.length);
  for (let k = fenceLine - 1; k > floor; k--) {
    if ((lines[k] ?? '').trim() === '') continue;
    return pathFromNameLine(lines[k] ?? '') === null ? null : k;
  }
  return null;
}

/** `index.html`, `**index.html**`, `### server.js`, `// server.js`, `File: main.py:` → the path. */
function pathFromNameLine(line: string): string | null {
  let text = line.trim();
  text = text.replace(/^(?:#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|\/\/\s*|#\s*|<!--\s*|\/\*\s*)/, '');
  text = text.replace(/\s*(?:-->|\*\/)$/, '').trim();
  text = text.replace(/^(?:\*\*|__|`|'|")+|(?:\*\*|__|`|'|")+$/g, '').trim();
  text = text.replace(/^(?:file(?:name)?|path)\s*:\s*/i, '').replace(/:$/, '');
  text = text.replace(/^(?:\*\*|__|`)+|(?:\*\*|__|`)+$/g, '').trim();
  return PATH_LIKE.test(text) ? text : null;
}
