import { describe, expect, it } from 'vitest';
import { BoundedBuffer, LineForwarder, TRUNCATION_MARKER } from '../../../src/runtime/process/output-capture.ts';

describe('BoundedBuffer', () => {
  it('keeps everything under the cap', () => {
    const buffer = new BoundedBuffer(10);
    buffer.push(Buffer.from('abc'));
    buffer.push(Buffer.from('def'));
    expect(buffer.toString()).toBe('abcdef');
  });

  it('cuts at the cap and appends one marker line', () => {
    const buffer = new BoundedBuffer(5);
    buffer.push(Buffer.from('abc'));
    buffer.push(Buffer.from('defgh'));
    buffer.push(Buffer.from('more'));
    expect(buffer.toString()).toBe(`abcde\n${TRUNCATION_MARKER}\n`);
  });
});

describe('LineForwarder', () => {
  it('splits chunks into lines per stream and flushes the last partial line', () => {
    const lines: string[] = [];
    const forwarder = new LineForwarder((stream, line) => lines.push(`${stream}:${line}`), 1000);
    forwarder.push('stdout', Buffer.from('one\ntw'));
    forwarder.push('stderr', Buffer.from('err\n'));
    forwarder.push('stdout', Buffer.from('o\nthree'));
    forwarder.end();
    expect(lines).toEqual(['stdout:one', 'stderr:err', 'stdout:two', 'stdout:three']);
  });

  it('stops after the byte budget with a single marker line', () => {
    const lines: string[] = [];
    const forwarder = new LineForwarder((_stream, line) => lines.push(line), 10);
    for (let i = 0; i < 100; i++) forwarder.push('stdout', Buffer.from(`line ${i}\n`));
    forwarder.end();
    expect(lines.filter((l) => l === TRUNCATION_MARKER)).toHaveLength(1);
    expect(lines.at(-1)).toBe(TRUNCATION_MARKER);
    expect(lines.length).toBeLessThan(5);
  });
});
