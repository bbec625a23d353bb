import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedSession, PostedMessage, SessionView } from '../../../src/api-types.ts';
import { loadConfig } from '../../../src/config/index.ts';
import { estimateCost } from '../../../src/orchestrator/cost.ts';
import { startHarness } from '../../support/platform-harness.ts';
import { createRunning, editAnswer, fileAnswer, page, PRICE, startLlmHarness, waitForChange, type LlmHarness } from './revision-harness.ts';

type ErrorBody = { error: { code: string; message: string } };

describe('generation cost, budget and ZIP export (real AI SDK against the fake)', () => {
  let t: LlmHarness;
  beforeAll(async () => {
    t = await startLlmHarness({ SPAWN_CACHE: 'off' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('bills known usage × the price table for the generation and each edit; actualCost adds them to compute', async () => {
    const { h, openai } = t;
    openai.script({ text: fileAnswer({ 'index.html': page('Billed') }), usage: { inputTokens: 1_000, outputTokens: 2_000 } });
    const s = await createRunning(h, { prompt: 'a billed page', appType: 'webapp', ttlSeconds: 3600 });
    // The estimate adds the expected generation to the TTL's compute cost.
    const computeOnly = estimateCost(loadConfig({}), 's-1vcpu-1gb', 3600, 0);
    expect(s.estimatedCost).toBeGreaterThan(computeOnly + 0.01);
    expect(s.estimatedCost).toBeLessThan(computeOnly + 0.2);

    openai.script({ text: editAnswer('index.html', '<h1>Billed</h1>', '<h1>Billed twice</h1>'), usage: { inputTokens: 3_000, outputTokens: 500 } });
    const posted = await h.api<PostedMessage>('POST', `/api/sessions/${s.id}/messages`, { prompt: 'bill it twice' });
    await waitForChange(h, s.id, posted.body.messageId);

    const generation = (await h.platform.store.costs.listBySession(s.id)).filter((c) => c.kind === 'generation');
    const expected = [(1_000 * PRICE.input + 2_000 * PRICE.output) / 1e6, (3_000 * PRICE.input + 500 * PRICE.output) / 1e6]; // $0.018, $0.010
    expect(generation.map((c) => c.amountUsd)).toEqual(expected.map((usd) => expect.closeTo(usd, 9)));
    expect(generation.map((c) => [c.details.inputTokens, c.details.outputTokens])).toEqual([
      [1_000, 2_000],
      [3_000, 500],
    ]);
    expect(generation[1]?.details.purpose).toBe('edit');

    await h.api('DELETE', `/api/sessions/${s.id}`);
    const done = await h.waitFor(s.id, ['destroyed']);
    const compute = (await h.platform.store.costs.listBySession(s.id)).find((c) => c.kind === 'compute')?.amountUsd ?? NaN;
    expect(done.actualCost).toBeCloseTo(expected[0]! + expected[1]! + compute, 6);
  });

  it('fails the session with GENERATION_BUDGET_EXCEEDED when the generation goes over its token budget', async () => {
    const budgeted = await startLlmHarness({ SPAWN_CACHE: 'off', SPAWN_GENERATION_BUDGET_TOKENS: '50' });
    try {
      budgeted.openai.script({ text: fileAnswer({ 'index.html': page('x'.repeat(2_000)) }) });
      const created = await budgeted.h.api<CreatedSession>('POST', '/api/sessions', { prompt: 'an expensive page', appType: 'webapp' });
      const view = await budgeted.h.waitFor(created.body.id, ['running', 'failed']);
      expect(view.state).toBe('failed');
      expect(view.error?.code).toBe('GENERATION_BUDGET_EXCEEDED');
    } finally {
      await budgeted.close();
    }
  });

  it('refuses an edit once the session has spent its generation budget, and leaves the app live', async () => {
    const budgeted = await startLlmHarness({ SPAWN_CACHE: 'off', SPAWN_GENERATION_BUDGET_USD: '0.01' });
    try {
      const { h, openai } = budgeted;
      openai.script({ text: fileAnswer({ 'index.html': page('Spent') }), usage: { inputTokens: 1_000, outputTokens: 1_500 } }); // $0.014
      const s = await createRunning(h, { prompt: 'a page that spends', appType: 'webapp' });
      const posted = await h.api<PostedMessage>('POST', `/api/sessions/${s.id}/messages`, { prompt: 'one more change' });
      const { messages } = await waitForChange(h, s.id, posted.body.messageId);
      expect(openai.requests).toHaveLength(1);
      expect(messages.at(-1)?.content).toMatch(/^The change could not be made \(GENERATION_BUDGET_EXCEEDED\)/);
      expect((await h.app(s.id)).text).toContain('Spent');
    } finally {
      await budgeted.close();
    }
  });

  it('exports the current version as a ZIP named after the title, with exactly the app files (a script without its result page)', async () => {
    const { h, openai } = t;
    openai.script({ text: fileAnswer({ 'index.html': '<!DOCTYPE html><html><body><script src="js/app.js"></script></body></html>', 'js/app.js': "document.body.append('hi');", 'style.css': 'body{}' }) });
    const web = await createRunning(h, { prompt: 'Pomodoro timer! With tasks', appType: 'webapp' });
    const res = await fetch(`${h.base}/api/sessions/${web.id}/export.zip`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="pomodoro-timer-with-tasks.zip"');
    expect(unzipList(Buffer.from(await res.arrayBuffer()))).toEqual(['index.html', 'js/app.js', 'style.css']);

    openai.script({ text: fileAnswer({ 'main.js': "console.log('<h1>Primes</h1>');", 'lib.js': 'module.exports = 1;' }) });
    const script = await createRunning(h, { prompt: 'a prime report', appType: 'script' });
    const zip = Buffer.from(await (await fetch(`${h.base}/api/sessions/${script.id}/export.zip`)).arrayBuffer());
    expect(unzipList(zip)).toEqual(['lib.js', 'main.js']);
    expect(unzipContent(zip, 'main.js')).toBe("console.log('<h1>Primes</h1>');");
    // The result page is still served and listed among the version's files.
    expect((await h.app(script.id)).text).toContain('Primes');
  });
});

describe('edits with offline templates', () => {
  it('answers 409 EDITS_NEED_A_MODEL saying how to configure one; restore and export still work', async () => {
    const h = await startHarness({ SPAWN_MAX_ACTIVE_SESSIONS: '50' });
    try {
      const created = await h.api<CreatedSession>('POST', '/api/sessions', { prompt: 'a simple todo list app', appType: 'webapp' });
      const view: SessionView = await h.waitFor(created.body.id, ['running', 'failed']);
      expect(view.state).toBe('running');
      const res = await h.api<ErrorBody>('POST', `/api/sessions/${view.id}/messages`, { prompt: 'make it blue' });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('EDITS_NEED_A_MODEL');
      expect(res.body.error.message).toMatch(/ANTHROPIC_API_KEY|SPAWN_MODELS/);
      expect((await h.api('POST', `/api/sessions/${view.id}/versions/1/restore`)).status).toBe(200);
      expect((await fetch(`${h.base}/api/sessions/${view.id}/export.zip`)).status).toBe(200);
    } finally {
      await h.close();
    }
  });
});

/** Names in the archive, via the system's `unzip` (yauzl is not installed). */
function unzipList(zip: Buffer): string[] {
  return withZipFile(zip, (file) =>
    execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line !== '')
      .sort(),
  );
}

function unzipContent(zip: Buffer, name: string): string {
  return withZipFile(zip, (file) => execFileSync('unzip', ['-p', file, name], { encoding: 'utf8' }));
}

function withZipFile<T>(zip: Buffer, read: (file: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spawnai-zip-'));
  try {
    const file = path.join(dir, 'app.zip');
    fs.writeFileSync(file, zip);
    return read(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
