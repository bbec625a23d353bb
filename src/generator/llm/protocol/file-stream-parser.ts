import type { GenerationEvent } from '../../generator.ts';
import { parseEditBlocks, type EditBlock } from './edit-blocks.ts';

export interface ParsedFile {
  path: string;
  content: string;
}

export interface ParsedEdit {
  path: string;
  /** null when the SEARCH/REPLACE markers were malformed. */
  blocks: EditBlock[] | null;
}

export interface ProtocolResult {
  files: ParsedFile[];
  edits: ParsedEdit[];
  deletes: string[];
  /** Text outside every block: the model's prose. */
  prose: string;
  /** The block still open when the text ended (cut off), if any. */
  unterminated: { kind: 'file' | 'edit'; path: string; content: string } | null;
  /** True once any protocol tag was seen. */
  sawProtocol: boolean;
}

export interface FileStreamParserOptions {
  onEvent?: (event: GenerationEvent) => void;
  /** Bytes an app of this type usually has; progress is streamed bytes over this, capped below 1. */
  expectedBytes?: number;
  writingIntervalMs?: number;
  now?: () => number;
}

type BlockKind = 'file' | 'edit';
interface OpenBlock {
  kind: BlockKind;
  path: string;
  chunks: string[];
  bytes: number;
  atStart: boolean;
  lastWritingAt: number;
}

const TAG_NAMES = ['file', 'edit', 'delete'] as const;
const MAX_TAG_CHARS = 1_000;
const PROGRESS_CAP = 0.95;

/**
 * Incremental parser of the streamed file protocol (documented in prompts/protocol.v1.md):
 * `<file path="…">…</file>`, `<edit path="…">SEARCH/REPLACE…</edit>`, `<delete path="…"/>`.
 * A state machine over chunks: each chunk is scanned once, and only a tail that could be the start
 * of a tag is held back, so tags split across chunk boundaries are handled.
 */
export class FileStreamParser {
  #state: 'text' | 'tag' | 'body' = 'text';
  #pending = '';
  #prose: string[] = [];
  #open: OpenBlock | null = null;
  readonly #files = new Map<string, string>();
  readonly #edits: ParsedEdit[] = [];
  readonly #deletes: string[] = [];
  #sawProtocol = false;
  #totalBytes = 0;
  #lastFraction = 0;
  readonly #options: Required<Omit<FileStreamParserOptions, 'onEvent'>> & Pick<FileStreamParserOptions, 'onEvent'>;

  constructor(options: FileStreamParserOptions = {}) {
    this.#options = { expectedBytes: 10_000, writingIntervalMs: 200, now: Date.now, ...options };
  }

  /** Bytes of block content seen so far (for size limits while streaming). */
  get totalBytes(): number {
    return this.#totalBytes;
  }

  get sawProtocol(): boolean {
    return this.#sawProtocol;
  }

  get openPath(): string | null {
    return this.#open?.path ?? null;
  }

  feed(chunk: string): void {
    this.#pending += chunk;
    for (;;) {
      const progressed = this.#state === 'text' ? this.#scanText() : this.#state === 'tag' ? this.#scanTag() : this.#scanBody();
      if (!progressed) return;
    }
  }

  /** Flushes what is held back and returns the result; the parser must not be fed afterwards. */
  end(): ProtocolResult {
    if (this.#state === 'body' && this.#open !== null) this.#append(this.#pending);
    else this.#prose.push(this.#pending);
    this.#pending = '';
    const open = this.#open;
    return {
      files: [...this.#files].map(([path, content]) => ({ path, content })),
      edits: [...this.#edits],
      deletes: [...this.#deletes],
      prose: this.#prose.join(''),
      unterminated: open === null ? null : { kind: open.kind, path: open.path, content: open.chunks.join('') },
      sawProtocol: this.#sawProtocol,
    };
  }

  #scanText(): boolean {
    const lt = this.#pending.indexOf('<');
    if (lt === -1) {
      this.#prose.push(this.#pending);
      this.#pending = '';
      return false;
    }
    this.#prose.push(this.#pending.slice(0, lt));
    this.#pending = this.#pending.slice(lt);
    const match = matchTagStart(this.#pending);
    if (match === 'wait') return false;
    if (match === 'no') {
      this.#prose.push('<');
      this.#pending = this.#pending.slice(1);
      return true;
    }
    this.#state = 'tag';
    return true;
  }

  #scanTag(): boolean {
    const gt = this.#pending.indexOf('>');
    if (gt === -1) {
      if (this.#pending.length <= MAX_TAG_CHARS) return false;
      return this.#rejectTag();
    }
    const tag = this.#pending.slice(0, gt + 1);
    const name = /^<(file|edit|delete)\b/.exec(tag)?.[1];
    const path = /\bpath\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(tag);
    if (name === undefined || path === null) return this.#rejectTag();
    const filePath = path[1] ?? path[2] ?? '';
    this.#pending = this.#pending.slice(gt + 1);
    this.#sawProtocol = true;
    if (name === 'delete') {
      this.#deletes.push(filePath);
      this.#state = 'text';
      return true;
    }
    this.#open = { kind: name as BlockKind, path: filePath, chunks: [], bytes: 0, atStart: true, lastWritingAt: -Infinity };
    this.#emit({ type: 'file', path: filePath, status: 'started', bytes: 0 });
    if (tag.endsWith('/>')) {
      this.#close();
      return true;
    }
    this.#state = 'body';
    return true;
  }

  #rejectTag(): boolean {
    this.#prose.push('<');
    this.#pending = this.#pending.slice(1);
    this.#state = 'text';
    return true;
  }

  #scanBody(): boolean {
    const open = this.#open as OpenBlock;
    if (open.atStart) {
      if (this.#pending === '' || this.#pending === '\r') return false;
      // The newline right after the opening tag belongs to the protocol, not the file.
      if (this.#pending.startsWith('\r\n')) this.#pending = this.#pending.slice(2);
      else if (this.#pending.startsWith('\n')) this.#pending = this.#pending.slice(1);
      open.atStart = false;
    }
    const closing = `</${open.kind}>`;
    const at = this.#pending.indexOf(closing);
    if (at !== -1) {
      this.#append(this.#pending.slice(0, at));
      this.#pending = this.#pending.slice(at + closing.length);
      this.#close();
      return true;
    }
    const hold = heldBackLength(this.#pending, closing);
    this.#append(this.#pending.slice(0, this.#pending.length - hold));
    this.#pending = this.#pending.slice(this.#pending.length - hold);
    return false;
  }

  #append(text: string): void {
    const open = this.#open;
    if (open === null || text === '') return;
    const bytes = Buffer.byteLength(text);
    open.chunks.push(text);
    open.bytes += bytes;
    this.#totalBytes += bytes;
    const now = this.#options.now();
    if (now - open.lastWritingAt >= this.#options.writingIntervalMs) {
      open.lastWritingAt = now;
      this.#emit({ type: 'file', path: open.path, status: 'writing', bytes: open.bytes });
    }
    const fraction = Math.min(PROGRESS_CAP, this.#totalBytes / this.#options.expectedBytes);
    if (fraction - this.#lastFraction >= 0.01) {
      this.#lastFraction = fraction;
      this.#emit({ type: 'progress', fraction: Math.round(fraction * 100) / 100 });
    }
  }

  #close(): void {
    const open = this.#open as OpenBlock;
    const content = unwrapFence(open.chunks.join('').replace(/\r?\n$/, ''));
    if (open.kind === 'file') {
      this.#files.delete(open.path);
      this.#files.set(open.path, content);
    } else {
      this.#edits.push({ path: open.path, blocks: parseEditBlocks(content) });
    }
    this.#emit({ type: 'file', path: open.path, status: 'done', bytes: Buffer.byteLength(content) });
    this.#open = null;
    this.#state = 'text';
  }

  #emit(event: GenerationEvent): void {
    this.#options.onEvent?.(event);
  }
}

/** `yes`: a protocol tag starts here; `wait`: too short to tell; `no`: plain text. */
function matchTagStart(text: string): 'yes' | 'wait' | 'no' {
  for (const name of TAG_NAMES) {
    const marker = `<${name}`;
    if (text.length <= marker.length) {
      if (marker.startsWith(text)) return 'wait';
      continue;
    }
    if (text.startsWith(marker) && /[\s/>]/.test(text[marker.length] ?? '')) return 'yes';
  }
  return 'no';
}

/** Length of the longest suffix of `text` that is a proper prefix of `marker`. */
function heldBackLength(text: string, marker: string): number {
  for (let length = Math.min(text.length, marker.length - 1); length > 0; length--) {
    if (marker.startsWith(text.slice(text.length - length))) return length;
  }
  return 0;
}

/** Some models wrap a block's whole content in a Markdown fence despite the instructions. */
function unwrapFence(content: string): string {
  const match = /^\s*(`{3,}|~{3,})[^\n]*\n([\s\S]*?)\n\1\s*$/.exec(content);
  return match?.[2] ?? content;
}
