import { describe, expect, it } from 'vitest';
import { validateApp } from '../../../src/generator/llm/index.ts';
import { messageTexts } from '../../fakes/fake-llm-server.ts';
import { harnessPerTest } from './harness.ts';

const h = harnessPerTest();

const BROKEN = "const express = require('express');\nconst app = express();\napp.get('/', (req, res) => res.send('hi');\napp.listen(process.env.PORT);";
const FIXED_LINE = "app.get('/', (req, res) => res.send('hi'));";

describe('repair', () => {
  it('fixes a syntax error found by validation in one repair round', async () => {
    h.anthropic.script(
      { text: `<file path="server.js">\n${BROKEN}\n</file>`, usage: { inputTokens: 1_000, outputTokens: 100 } },
      {
        text: `Added the missing parenthesis.\n<edit path="server.js">\n<<<<<<< SEARCH\napp.get('/', (req, res) => res.send('hi');\n=======\n${FIXED_LINE}\n>>>>>>> REPLACE\n</edit>`,
        usage: { inputTokens: 2_000, outputTokens: 50 },
      },
    );
    const generator = h.generator();
    const request = h.request({ appType: 'api' });
    const app = await generator.generate(request);
    const check = validateApp('api', app.files);
    expect(check.ok).toBe(false);
    expect(check.errors[0]).toMatch(/^server\.js: syntax error/);

    const repaired = await generator.repair(app, check.errors, request);
    expect(validateApp('api', repaired.files)).toEqual({ ok: true, errors: [] });
    expect(repaired.files[0]?.content).toContain(FIXED_LINE);
    expect(repaired).toMatchObject({ model: 'anthropic:claude-sonnet-4-5', command: ['node', 'server.js'], message: 'Added the missing parenthesis.' });
    const sent = messageTexts(h.anthropic.requests[1]!);
    expect(sent[0]?.text).toContain(BROKEN);
    expect(sent[0]?.text).toContain(check.errors[0]);
    // The model repairs knowing what the app is for: the person's request, verbatim and fenced.
    expect(sent[0]?.text).toContain(`<request>\n${request.prompt}\n</request>`);
    expect(JSON.stringify(h.anthropic.requests[1]?.body.system)).toContain('failed automatic');
    // The repaired app's usage covers both calls: 1000×3 + 100×15 + 2000×3 + 50×15 = 11 250 µ$.
    expect(repaired.usage).toMatchObject({ inputTokens: 3_000, outputTokens: 150 });
    expect(repaired.usage.costUsd).toBeCloseTo(0.01125, 12);
    expect(repaired.usage.calls?.map((c) => c.purpose)).toEqual(['generate', 'repair']);
  });
});

describe('repair after an edit', () => {
  it('carries the conversation that led to the change before the evidence', async () => {
    h.anthropic.script({ text: `<file path="server.js">\n${FIXED_LINE.replace('hi', 'fixed')}\napp.listen(process.env.PORT);\n</file>` });
    const broken = { files: [{ path: 'server.js', content: BROKEN }], command: ['node', 'server.js'], generator: 'llm', model: 'anthropic:claude-sonnet-4-5', usage: { inputTokens: 0, outputTokens: 0, costUsd: 0 } };
    const history = [
      { role: 'user' as const, content: 'a greeting api' },
      { role: 'assistant' as const, content: 'I built the first version of the app.' },
      { role: 'user' as const, content: 'greet in French' },
      { role: 'assistant' as const, content: 'I made that change; the checks below found problems in it.' },
    ];
    await h.generator().repair(broken, ['server.js: syntax error'], { ...h.request({ appType: 'api' }), prompt: 'a greeting api', history });
    const sent = messageTexts(h.anthropic.requests[0]!).map((m) => m.text);
    expect(sent.slice(0, 4)).toEqual(history.map((turn) => turn.content));
    expect(sent[4]).toContain('<request>\na greeting api\n</request>');
    expect(sent[4]).toContain('- server.js: syntax error');
  });
});

describe('edit', () => {
  const files = [
    { path: 'index.html', content: '<html><body><h1>Todo</h1><script src="app.js"></script></body></html>' },
    { path: 'app.js', content: "const items = [];\nfunction add(text) {\n  items.push(text);\n}\n" },
    { path: 'old.css', content: 'p{}' },
  ];

  it('applies SEARCH/REPLACE blocks, new files and deletions', async () => {
    h.anthropic.script({
      text: [
        'Titles are now "My todos".',
        '<edit path="index.html">\n<<<<<<< SEARCH\n<h1>Todo</h1>\n=======\n<h1>My todos</h1>\n>>>>>>> REPLACE\n</edit>',
        '<file path="style.css">\nh1 { color: teal; }\n</file>',
        '<delete path="old.css"/>',
      ].join('\n'),
    });
    const edited = await h.generator().edit({ files, prompt: 'rename the title', history: [{ role: 'user', content: 'a todo list' }, { role: 'assistant', content: 'Done.' }] }, h.request());
    expect(edited.files).toEqual([
      { path: 'index.html', content: files[0]?.content.replace('<h1>Todo</h1>', '<h1>My todos</h1>') },
      files[1],
      { path: 'style.css', content: 'h1 { color: teal; }' },
    ]);
    expect(edited.changedPaths).toEqual(['style.css', 'index.html']);
    expect(edited.deletedPaths).toEqual(['old.css']);
    expect(edited.usage.calls?.map((c) => c.purpose)).toEqual(['edit']);
    const sent = messageTexts(h.anthropic.requests[0]!);
    expect(sent.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(sent[2]?.text).toContain('<file path="app.js">');
    expect(sent[2]?.text).toContain('rename the title');
  });

  it('asks for the whole file when a SEARCH does not match', async () => {
    const whole = "const items = JSON.parse(localStorage.items ?? '[]');\nfunction add(text) {\n  items.push(text);\n  localStorage.items = JSON.stringify(items);\n}\n";
    h.anthropic.script(
      { text: '<edit path="app.js">\n<<<<<<< SEARCH\nlet items = [];\n=======\nconst items = load();\n>>>>>>> REPLACE\n</edit>' },
      { text: `<file path="app.js">\n${whole}</file>` },
    );
    const edited = await h.generator().edit({ files, prompt: 'persist the items' }, h.request());
    expect(edited.files.find((f) => f.path === 'app.js')?.content).toBe(whole.replace(/\n$/, ''));
    expect(edited.changedPaths).toEqual(['app.js']);
    const followUp = messageTexts(h.anthropic.requests[1]!);
    expect(followUp.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(followUp[2]?.text).toMatch(/app\.js: block 1: the SEARCH text does not match the file/);
    expect(followUp[2]?.text).toMatch(/complete new content of app\.js/);
    expect(edited.usage.calls).toHaveLength(2);
  });

  it('fails when the model still does not send the whole file', async () => {
    h.anthropic.script(
      { text: '<edit path="app.js">\n<<<<<<< SEARCH\nnope\n=======\nx\n>>>>>>> REPLACE\n</edit>' },
      { text: 'Sorry, I cannot.\n<file path="other.js">\nx\n</file>' },
    );
    await expect(h.generator().edit({ files, prompt: 'x' }, h.request())).rejects.toMatchObject({
      code: 'GENERATION_FAILED',
      message: 'the model did not send the whole content of app.js',
      details: { usage: expect.objectContaining({ calls: expect.any(Array) }) },
    });
  });
});
