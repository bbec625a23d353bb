import type { LogListener } from '../sandbox-driver.ts';

export const TRUNCATION_MARKER = '[output truncated]';

/** Collects a stream up to `maxBytes`, then drops the rest and appends a marker line. */
export class BoundedBuffer {
  private readonly chunks: Buffer[] = [];
  private bytes = 0;
  private truncated = false;

  constructor(private readonly maxBytes: number) {}

  push(chunk: Buffer): void {
    if (this.truncated) return;
    const room = this.maxBytes - this.bytes;
    if (chunk.length > room) {
      this.chunks.push(chunk.subarray(0, room));
      this.bytes = this.maxBytes;
      this.truncated = true;
      return;
    }
    this.chunks.push(chunk);
    this.bytes += chunk.length;
  }

  toString(): string {
    const text = Buffer.concat(this.chunks).toString('utf8');
    if (!this.truncated) return text;
    return `${text}${text.endsWith('\n') || text === '' ? '' : '\n'}${TRUNCATION_MARKER}\n`;
  }
}

/**
 * Splits stdout/stderr into lines for a log listener, with one byte budget for both streams:
 * once it is spent the listener gets a single marker line and nothing more.
 */
export class LineForwarder {
  private readonly partial = { stdout: '', stderr: '' };
  private spentBytes = 0;
  private truncated = false;

  constructor(
    private readonly listener: LogListener,
    private readonly maxBytes: number,
  ) {}

  push(stream: 'stdout' | 'stderr', chunk: Buffer): void {
    if (this.truncated) return;
    this.spentBytes += chunk.length;
    const lines = (this.partial[stream] + chunk.toString('utf8')).split('\n');
    this.partial[stream] = lines.pop() ?? '';
    for (const line of lines) this.listener(stream, line);
    if (this.spentBytes > this.maxBytes) {
      this.truncated = true;
      this.listener('stderr', TRUNCATION_MARKER);
    }
  }

  /** Emits the last unterminated line of each stream. */
  end(): void {
    if (this.truncated) return;
    for (const stream of ['stdout', 'stderr'] as const) {
      if (this.partial[stream]) this.listener(stream, this.partial[stream]);
      this.partial[stream] = '';
    }
  }
}
