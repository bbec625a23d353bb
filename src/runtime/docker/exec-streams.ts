import { Writable } from 'node:stream';

const TRUNCATION_MARKER = '\n…[output truncated]';

/** Collects up to `maxBytes` of a stream and remembers whether more came. */
export class BoundedBuffer extends Writable {
  readonly #chunks: Buffer[] = [];
  #bytes = 0;
  #truncated = false;

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    const room = this.maxBytes - this.#bytes;
    if (chunk.length > room) this.#truncated = true;
    if (room > 0) {
      const kept = chunk.subarray(0, room);
      this.#chunks.push(kept);
      this.#bytes += kept.length;
    }
    callback();
  }

  text(): string {
    const text = Buffer.concat(this.#chunks).toString('utf8');
    return this.#truncated ? text + TRUNCATION_MARKER : text;
  }
}

/** Splits a byte stream into lines for log listeners; over-long lines are cut, not buffered. */
export class LineWriter extends Writable {
  #pending = '';

  constructor(
    private readonly onLine: (line: string) => void,
    private readonly maxLineChars = 8192,
  ) {
    super({ decodeStrings: true });
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    const parts = (this.#pending + chunk.toString('utf8')).split('\n');
    this.#pending = parts.pop() ?? '';
    for (const line of parts) this.onLine(line.slice(0, this.maxLineChars));
    if (this.#pending.length > this.maxLineChars) {
      this.onLine(this.#pending.slice(0, this.maxLineChars));
      this.#pending = '';
    }
    callback();
  }

  override _final(callback: () => void): void {
    if (this.#pending) this.onLine(this.#pending);
    this.#pending = '';
    callback();
  }
}

/** Rejects when `promise` takes longer than `timeoutMs` (the Engine API can hang on a stuck daemon). */
export async function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
