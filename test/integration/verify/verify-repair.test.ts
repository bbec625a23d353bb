import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import type { PostedMessage, SessionView } from '../../../src/api-types.ts';
import { FakeAnthropic } from '../../fakes/fake-anthropic.ts';
import { messageTexts, type FakeLlmServer } from '../../fakes/fake-llm-server.ts';
import { FakeOpenAI } from '../../fakes/fake-openai.ts';
import { startHarness, type Harness } from '../../support/platform-harness.ts';
import { requireService } from '../../support/services.ts';
import { eventsOf, fileAnswer, waitForChange } from '../revisions/revision-harness.ts';

const available = requireService('chromium');

const COUNTER_PROMPT = 'A counter with a +1 button that shows how many times it was clicked';
const BOOKS_PROMPT = 'A reading list API with a page that lists my books';

// The first broken shape: the script looks up #increment, the page calls its button #plus.
const counterHtml = (buttonId: string): string =>
  `<!doctype html>\n<html><head><title>Counter</title></head><body><h1>Counter</h1><p id="count">0</p><button id="${buttonId}">+1</button><script src="app.js"></script></body></html>`;
const COUNTER_JS = `let n = 0;\ndocument.getElementById('increment').addEventListener('click', () => {\n  n += 1;\n  document.getElementById('count').textContent = String(n);\n});`;
const COUNTER_SMOKE = JSON.stringify([{ action: 'click', selector: '#increment' }, { action: 'expectText', selector: '#count', text: '1' }]);

// The second: the page fetches /api/books, the server serves /api/book.
const booksServer = (route: string): string => `const http = require('node:http');
const page = '<!doctype html><html><body><h1>My books</h1><ul id="list"></ul><script>fetch("/api/books").then((r) => r.json()).then((books) => { for (const b of books) { const li = document.createElement("li"); li.textContent = b; document.getElementById("list").append(li); } });</script></body></html>';
http.createServer((req, res) => {
  if (req.url === '/') return res.writeHead(200, { 'content-type': 'text/html' }).end(page);
  if (req.url === '${route}') return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(['Dune', 'Emma']));
  res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
}).listen(process.env.PORT);`;

/** The last user message of a recorded model request: the repair round's evidence and request. */
const lastUserText = (fake: FakeLlmServer, index: number): string => messageTexts(fake.requests[index]!).filter((m) => m.role === 'user').at(-1)?.text ?? '';

// Skipped only where Chromium is missing; requireService() fails the run in CI instead.
describe.skipIf(!available)('verification in a real browser, repair with the whole context (fake providers, process runtime)', () => {
  let browser: Browser;
  let h: Harness | undefined;
  let fake: FakeLlmServer | undefined;
  beforeAll(async () => {
    // The test's own visitor: one browser for the file, separate from the platform's verifier.
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  });
  afterAll(() => browser?.close());
  afterEach(async () => {
    try {
      fake?.assertNoUnexpected();
    } finally {
      await h?.close();
      await fake?.close();
      h = undefined;
      fake = undefined;
    }
  });

  const start = async (provider: 'openai' | 'anthropic', env: Record<string, string> = {}): Promise<{ h: Harness; fake: FakeLlmServer }> => {
    fake = provider === 'openai' ? await FakeOpenAI.start() : await FakeAnthropic.start();
    const providerEnv =
      provider === 'openai' ? { SPAWN_MODELS: 'openai:gpt-4.1', OPENAI_API_KEY: 'test', OPENAI_BASE_URL: fake.baseURL } : { SPAWN_MODELS: 'anthropic:claude-sonnet-4-5', ANTHROPIC_API_KEY: 'test', ANTHROPIC_BASE_URL: fake.baseURL };
    h = await startHarness({ SPAWN_VERIFY: 'browser', SPAWN_REPAIR_ROUNDS: '1', SPAWN_CACHE: 'off', SPAWN_MAX_ACTIVE_SESSIONS: '10', ...env }, { providerEnv });
    return { h, fake };
  };
  const create = async (body: Record<string, unknown>): Promise<SessionView> => {
    const created = await h!.api<{ id: string }>('POST', '/api/sessions', body);
    expect(created.status).toBe(201);
    return h!.waitFor(created.body.id, ['running', 'failed'], 60_000);
  };

  it('OpenAI: a page whose script throws on load is repaired before its URL is handed out; the fixed counter counts in Chromium', async () => {
    const { h, fake } = await start('openai');
    fake.script(
      { text: fileAnswer({ 'index.html': counterHtml('plus'), 'app.js': COUNTER_JS, 'spawnai.smoke.json': COUNTER_SMOKE }) },
      { text: fileAnswer({ 'index.html': counterHtml('increment') }, 'The button now has the id the script uses.') },
    );
    const done = await create({ prompt: COUNTER_PROMPT, appType: 'webapp' });
    expect(done.state, JSON.stringify(done.error)).toBe('running');
    expect(fake.requests).toHaveLength(2);
    // The repair request carries the person's request verbatim and the browser's evidence.
    const repair = lastUserText(fake, 1);
    expect(repair).toContain(COUNTER_PROMPT);
    expect(repair).toMatch(/uncaught exception at \/app\.js:2:\d+: .*(null|addEventListener)/);
    expect(repair).toContain('<file path="app.js">');
    // The app type's rules (the smoke file included) are in the repair's system prompt.
    expect(JSON.stringify(fake.requests[1]!.body)).toContain('spawnai.smoke.json');
    // The smoke steps ran against the fixed page and passed.
    expect(done.verification).toMatchObject({ status: 'passed', problems: [], version: 1 });

    const page = await browser.newPage();
    try {
      await page.goto(done.appUrl!);
      await page.click('#increment');
      await page.click('#increment');
      await expect.poll(() => page.textContent('#count')).toBe('2');
    } finally {
      await page.close();
    }
    expect((await h.app(done.id, '/spawnai.smoke.json')).status).toBe(404);
    // The thumbnail is stored after the session went live (off its path): it arrives within a bounded wait.
    let png = await fetch(`${h.base}/api/sessions/${done.id}/thumbnail.png`);
    for (const deadline = Date.now() + 15_000; png.status === 404 && Date.now() < deadline; ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      png = await fetch(`${h.base}/api/sessions/${done.id}/thumbnail.png`);
    }
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await png.arrayBuffer()).subarray(1, 4).toString()).toBe('PNG');

    // An edit that breaks the page is verified too: repaired with the conversation, then live.
    fake.script(
      { text: fileAnswer({ 'index.html': counterHtml('plus-one').replace('<h1>Counter</h1>', '<h1>Clicks</h1>') }, 'Renamed the heading.') },
      { text: fileAnswer({ 'index.html': counterHtml('increment').replace('<h1>Counter</h1>', '<h1>Clicks</h1>') }) },
    );
    const posted = await h.api<PostedMessage>('POST', `/api/sessions/${done.id}/messages`, { prompt: 'call the heading Clicks' });
    await waitForChange(h, done.id, posted.body.messageId, 60_000);
    expect(fake.requests).toHaveLength(4);
    const editRepair = messageTexts(fake.requests[3]!);
    expect(editRepair.some((m) => m.role === 'user' && m.text.includes('call the heading Clicks'))).toBe(true);
    expect(editRepair.at(-1)?.text).toContain(COUNTER_PROMPT);
    expect(editRepair.at(-1)?.text).toMatch(/uncaught exception at \/app\.js:2/);
    const edited = (await h.api<SessionView>('GET', `/api/sessions/${done.id}`)).body;
    expect(edited.verification).toMatchObject({ status: 'passed', version: 2 });
    expect((await h.app(done.id)).text).toContain('<h1>Clicks</h1>');
  });

  it("Anthropic: an api app whose page fetches a route its server does not serve is repaired; the list loads in Chromium", async () => {
    const { fake } = await start('anthropic');
    fake.script({ text: fileAnswer({ 'server.js': booksServer('/api/book') }) }, { text: fileAnswer({ 'server.js': booksServer('/api/books') }) });
    const done = await create({ prompt: BOOKS_PROMPT, appType: 'api' });
    expect(done.state, JSON.stringify(done.error)).toBe('running');
    expect(fake.requests).toHaveLength(2);
    const repair = lastUserText(fake, 1);
    expect(repair).toContain(BOOKS_PROMPT);
    expect(repair).toContain('GET /api/books → 404');
    expect(done.verification).toMatchObject({ status: 'passed', problems: [] });

    const page = await browser.newPage();
    try {
      await page.goto(done.appUrl!);
      await expect.poll(() => page.locator('#list li').allTextContents()).toEqual(['Dune', 'Emma']);
    } finally {
      await page.close();
    }
  });

  it('an app the repair rounds cannot fix still reaches running, labelled with its problems (failed smoke step included)', async () => {
    const { h, fake } = await start('openai');
    const broken = fileAnswer({ 'index.html': counterHtml('plus'), 'app.js': COUNTER_JS, 'spawnai.smoke.json': COUNTER_SMOKE });
    fake.script({ text: broken }, { text: broken });
    const done = await create({ prompt: COUNTER_PROMPT, appType: 'webapp' });
    expect(done.state, JSON.stringify(done.error)).toBe('running');
    expect(done.appUrl).not.toBeNull();
    expect(fake.requests).toHaveLength(2);
    expect(done.verification?.status).toBe('problems');
    expect(done.verification?.problems).toContainEqual(expect.objectContaining({ kind: 'exception', where: expect.stringMatching(/^\/app\.js:2:\d+/) }));
    expect(done.verification?.problems).toContainEqual(expect.objectContaining({ kind: 'smoke-step', where: 'step 1: click #increment' }));
    // The event stream said what was found, in each round.
    const events = await eventsOf(h, done.id);
    const verified = events.filter((e) => e.type === 'progress' && e.data.step === 'verified');
    expect(verified).toHaveLength(2);
    expect(events.some((e) => e.type === 'log' && String(e.data.message).includes('live with'))).toBe(true);
    const metrics = await (await fetch(`${h.base}/metrics`)).text();
    expect(metrics).toMatch(/spawnai_verification_total\{result="problems"\} 2/);
    expect(metrics).toMatch(/spawnai_repair_rounds_count\{source="generate"\} 1/);
    const health = await (await fetch(`${h.base}/healthz`)).json();
    expect(health).toMatchObject({ verify: 'browser' });
  });
});
