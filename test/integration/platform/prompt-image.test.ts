import { afterEach, describe, expect, it } from 'vitest';
import type { CreatedSession, MessageList, SessionView } from '../../../src/api-types.ts';
import { MAX_IMAGE_BYTES } from '../../../src/generator/index.ts';
import { FakeAnthropic } from '../../fakes/fake-anthropic.ts';
import { FakeOpenAI } from '../../fakes/fake-openai.ts';
import { TINY_PNG } from '../../fakes/tiny-images.ts';
import { startHarness, type Harness } from '../../support/platform-harness.ts';

const PAGE = '<file path="index.html">\n<!doctype html><html><head><title>copied</title></head><body><h1>copied from the sketch</h1></body></html>\n</file>\n';
const png = { mediaType: 'image/png', data: TINY_PNG.toString('base64') };
type ErrorBody = { error: { code: string; message: string } };

let h: Harness | undefined;
const fakes: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await h?.close();
  h = undefined;
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

describe('POST /api/sessions with an image, end to end', () => {
  it('keeps the image with the first message, sends it to the model and serves it back', async () => {
    const anthropic = await FakeAnthropic.start();
    fakes.push(anthropic);
    anthropic.script({ text: PAGE });
    h = await startHarness({}, { providerEnv: { SPAWN_MODELS: 'anthropic:claude-sonnet-4-5', ANTHROPIC_API_KEY: 'test', ANTHROPIC_BASE_URL: anthropic.baseURL } });
    const created = await h.api<CreatedSession>('POST', '/api/sessions', { prompt: 'copy this sketch', appType: 'webapp', image: png });
    expect(created.status).toBe(201);
    const done = await h.waitFor(created.body.id, ['running', 'failed']);
    expect(done.state, JSON.stringify(done.error)).toBe('running');
    expect(done.image).toEqual({ mediaType: 'image/png', bytes: TINY_PNG.length, url: `/api/sessions/${created.body.id}/image` });
    const sent = (anthropic.requests[0]?.body.messages as { content: { type: string; source?: unknown }[] }[])[0]?.content;
    expect(sent?.find((part) => part.type === 'image')?.source).toEqual({ type: 'base64', media_type: 'image/png', data: png.data });
    const image = await fetch(`${h.base}/api/sessions/${created.body.id}/image`);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(image.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await image.arrayBuffer()).equals(TINY_PNG)).toBe(true);
    const messages = await h.api<MessageList>('GET', `/api/sessions/${created.body.id}/messages`);
    expect(messages.body.messages[0]).toMatchObject({ role: 'user', content: 'copy this sketch', image: { mediaType: 'image/png', url: `/api/sessions/${created.body.id}/image` } });
    anthropic.assertNoUnexpected();
  });

  it('routes with SPAWN_MODEL_ROUTING=auto: the session says which model and why', async () => {
    const [strong, cheap] = [await FakeAnthropic.start(), await FakeOpenAI.start()];
    fakes.push(strong, cheap);
    cheap.script({ text: PAGE });
    const providerEnv = { SPAWN_MODELS: 'anthropic:claude-sonnet-4-5,openai:gpt-4.1-mini', ANTHROPIC_API_KEY: 't', ANTHROPIC_BASE_URL: strong.baseURL, OPENAI_API_KEY: 't', OPENAI_BASE_URL: cheap.baseURL };
    h = await startHarness({ SPAWN_MODEL_ROUTING: 'auto' }, { providerEnv });
    const created = await h.api<CreatedSession>('POST', '/api/sessions', { prompt: 'a dice roller', appType: 'webapp' });
    const done = await h.waitFor(created.body.id, ['running', 'failed']);
    expect(done.state, JSON.stringify(done.error)).toBe('running');
    expect(done.model).toBe('openai:gpt-4.1-mini');
    expect(done.image).toBeNull();
    const events = await h.platform.store.events.list(created.body.id);
    expect(events.map((e) => e.data.message)).toContain('model routing: simple request (13 characters, 1 feature) → openai:gpt-4.1-mini, the cheapest model of the chain');
    expect(strong.requests).toHaveLength(0);
  });

  it('refuses an image no model can read, a lying type and an oversize file with their own codes', async () => {
    h = await startHarness({}, { providerEnv: { SPAWN_MODELS: 'ollama:qwen2.5-coder' } });
    const post = (image: unknown) => h!.api<ErrorBody>('POST', '/api/sessions', { prompt: 'copy this', appType: 'webapp', image });
    const unsupported = await post(png);
    expect([unsupported.status, unsupported.body.error.code]).toEqual([400, 'IMAGE_NOT_SUPPORTED']);
    expect(unsupported.body.error.message).toMatch(/ollama:qwen2\.5-coder/);
    const html = await post({ mediaType: 'image/png', data: Buffer.from('<html><script>alert(1)</script></html>').toString('base64') });
    expect([html.status, html.body.error.code]).toEqual([400, 'IMAGE_TYPE_UNSUPPORTED']);
    const gif = await post({ mediaType: 'image/gif', data: Buffer.from('GIF89a').toString('base64') });
    expect([gif.status, gif.body.error.code]).toEqual([400, 'IMAGE_TYPE_UNSUPPORTED']);
    const big = Buffer.alloc(MAX_IMAGE_BYTES + 1);
    TINY_PNG.copy(big);
    const oversize = await post({ mediaType: 'image/png', data: big.toString('base64') });
    expect([oversize.status, oversize.body.error.code]).toEqual([413, 'IMAGE_TOO_LARGE']);
    const sessions = await h.api<{ sessions: SessionView[] }>('GET', '/api/sessions');
    expect(sessions.body.sessions).toHaveLength(0);
  });

  it('refuses an image when no model is configured (offline templates), and answers IMAGE_NOT_FOUND for a session without one', async () => {
    h = await startHarness();
    const refused = await h.api<ErrorBody>('POST', '/api/sessions', { prompt: 'a todo list', image: png });
    expect([refused.status, refused.body.error.code]).toEqual([400, 'IMAGE_NOT_SUPPORTED']);
    const created = await h.api<CreatedSession>('POST', '/api/sessions', { prompt: 'a todo list' });
    const none = await h.api<ErrorBody>('GET', `/api/sessions/${created.body.id}/image`);
    expect([none.status, none.body.error.code]).toEqual([404, 'IMAGE_NOT_FOUND']);
  });
});
