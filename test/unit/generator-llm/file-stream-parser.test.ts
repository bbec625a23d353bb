import { describe, expect, it } from 'vitest';
import type { GenerationEvent } from '../../../src/generator/generator.ts';
import { FileStreamParser } from '../../../src/generator/llm/index.ts';

const ANSWER = [
  'Here is your app.\n',
  '<file path="index.html">\n<!DOCTYPE html>\n<html><body><p>a < b && c > d</p><script src="app.js"></script></body></html>\n</file>\n',
  '<file path="app.js">\nconst tag = "<fil" + "e>"; if (1 < 2) console.log("</fi" + "le");\n</file>\n',
  '<delete path="old.css"/>\n',
  'Enjoy!',
].join('');

function feedInChunks(text: string, size: number, onEvent?: (event: GenerationEvent) => void) {
  const parser = new FileStreamParser({ onEvent });
  for (let i = 0; i < text.length; i += size) parser.feed(text.slice(i, i + size));
  return parser.end();
}

describe('FileStreamParser', () => {
  it('parses files, deletions and prose from one-character chunks', () => {
    const result = feedInChunks(ANSWER, 1);
    expect(result.files).toEqual([
      { path: 'index.html', content: '<!DOCTYPE html>\n<html><body><p>a < b && c > d</p><script src="app.js"></script></body></html>' },
      { path: 'app.js', content: 'const tag = "<fil" + "e>"; if (1 < 2) console.log("</fi" + "le");' },
    ]);
    expect(result.deletes).toEqual(['old.css']);
    expect(result.prose).toBe('Here is your app.\n\n\n\nEnjoy!');
    expect(result.unterminated).toBeNull();
  });

  it('gives the same result wherever a chunk boundary falls', () => {
    const whole = feedInChunks(ANSWER, ANSWER.length);
    for (let split = 0; split <= ANSWER.length; split++) {
      const parser = new FileStreamParser();
      parser.feed(ANSWER.slice(0, split));
      parser.feed(ANSWER.slice(split));
      expect(parser.end(), `split at ${split}`).toEqual(whole);
    }
  });

  it('emits started, writing and done per file, and rising progress below 1', () => {
    const events: GenerationEvent[] = [];
    feedInChunks(ANSWER, 3, (event) => events.push(event));
    const fileEvents = events.filter((event) => event.type === 'file');
    expect(fileEvents.filter((event) => event.path === 'index.html').map((event) => event.status)).toEqual(['started', 'writing', 'done']);
    expect(fileEvents.find((event) => event.path === 'app.js' && event.status === 'done')).toMatchObject({
      bytes: Buffer.byteLength('const tag = "<fil" + "e>"; if (1 < 2) console.log("</fi" + "le");'),
    });
    const fractions = events.flatMap((event) => (event.type === 'progress' ? [event.fraction] : []));
    expect(fractions.length).toBeGreaterThan(0);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
    expect(Math.max(...fractions)).toBeLessThan(1);
  });

  it('throttles writing events by time', () => {
    let now = 0;
    const events: GenerationEvent[] = [];
    const parser = new FileStreamParser({ onEvent: (event) => events.push(event), writingIntervalMs: 100, now: () => now });
    parser.feed('<file path="a.txt">\n');
    for (let i = 0; i < 50; i++) {
      parser.feed('x'.repeat(10));
      now += 10;
    }
    parser.feed('\n</file>');
    const writing = events.filter((event) => event.type === 'file' && event.status === 'writing');
    expect(writing.length).toBeGreaterThanOrEqual(4);
    expect(writing.length).toBeLessThanOrEqual(6);
  });

  it('reports a file the text ended inside as unterminated', () => {
    const result = feedInChunks('<file path="index.html">\n<html><body>half', 1);
    expect(result.files).toEqual([]);
    expect(result.unterminated).toEqual({ kind: 'file', path: 'index.html', content: '<html><body>half' });
  });

  it('parses SEARCH/REPLACE edit blocks', () => {
    const text = '<edit path="app.js">\n<<<<<<< SEARCH\nlet a = 1;\n=======\nlet a = 2;\n>>>>>>> REPLACE\n</edit>';
    expect(feedInChunks(text, 1).edits).toEqual([{ path: 'app.js', blocks: [{ search: 'let a = 1;', replace: 'let a = 2;' }] }]);
  });

  it('keeps look-alike tags as prose and unwraps a fenced block content', () => {
    const result = feedInChunks('Use <files> or <filex> tags? <file path="a.js">\n```js\nx();\n```\n</file>', 2);
    expect(result.prose).toBe('Use <files> or <filex> tags? ');
    expect(result.files).toEqual([{ path: 'a.js', content: 'x();' }]);
  });
});
