import { describe, expect, it } from 'vitest';
import type { GenerationEvent } from '../../../src/generator/generator.ts';
import { OfflineGenerator } from '../../../src/generator/offline/offline-generator.ts';
import type { AppType } from '../../../src/api-types.ts';

function request(prompt: string, appType: AppType, signal = new AbortController().signal, onEvent?: (e: GenerationEvent) => void) {
  return { sessionId: 'test-session', prompt, appType, title: 'Team <lunch> poll', signal, ...(onEvent ? { onEvent } : {}) };
}

describe('OfflineGenerator', () => {
  const generator = new OfflineGenerator();

  it('is named offline-template and costs nothing', async () => {
    const app = await generator.generate(request('a todo list', 'webapp'));
    expect(generator.name).toBe('offline-template');
    expect(app).toMatchObject({
      command: null,
      generator: 'offline-template',
      model: null,
      template: 'todo-list',
      usage: { inputTokens: 0, outputTokens: 0, costUsd: 0 },
    });
  });

  it.each<[string, AppType, string[] | null, string]>([
    ['a poll for lunch', 'api', ['node', 'server.js'], 'poll-api'],
    ['prime numbers', 'script', ['node', 'main.js'], 'prime-report'],
    ['loan amortisation', 'script', ['python3', 'main.py'], 'loan-report'],
    ['a calculator', 'webapp', null, 'calculator'],
  ])('%j (%s) runs with %j', async (prompt, appType, command, template) => {
    const app = await generator.generate(request(prompt, appType));
    expect(app.command).toEqual(command);
    expect(app.template).toBe(template);
  });

  it('puts the escaped title in the page', async () => {
    const app = await generator.generate(request('a poll', 'api'));
    const page = app.files.find((f) => f.path === 'index.html')?.content ?? '';
    expect(page).toContain('<title>Team &lt;lunch&gt; poll</title>');
    expect(page).toContain('<h1>Team &lt;lunch&gt; poll</h1>');
  });

  it('falls back to a title made from the prompt when the request has none', async () => {
    const app = await generator.generate({ ...request('make me a trivia quiz', 'webapp'), title: '  ' });
    expect(app.files[0]?.content).toContain('<h1>Trivia quiz</h1>');
  });

  it('reports each file started and done with its size, and progress up to 1', async () => {
    const events: GenerationEvent[] = [];
    const app = await generator.generate(request('notes api', 'api', undefined, (e) => events.push(e)));
    for (const file of app.files) {
      const fileEvents = events.filter((e) => e.type === 'file' && e.path === file.path);
      expect(fileEvents).toEqual([
        { type: 'file', path: file.path, status: 'started', bytes: 0 },
        { type: 'file', path: file.path, status: 'done', bytes: Buffer.byteLength(file.content) },
      ]);
    }
    const fractions = events.flatMap((e) => (e.type === 'progress' ? [e.fraction] : []));
    expect(fractions).toHaveLength(app.files.length);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.at(-1)).toBe(1);
  });

  it('throws when the request is already aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('session destroyed'));
    await expect(generator.generate(request('a todo list', 'webapp', controller.signal))).rejects.toThrow('session destroyed');
  });

  it('stops between files when aborted mid-way', async () => {
    const controller = new AbortController();
    const done: string[] = [];
    const onEvent = (e: GenerationEvent) => {
      if (e.type === 'file' && e.status === 'done') {
        done.push(e.path);
        controller.abort();
      }
    };
    await expect(generator.generate(request('notes api', 'api', controller.signal, onEvent))).rejects.toThrow();
    expect(done).toHaveLength(1);
  });
});
