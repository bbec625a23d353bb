import { describe, expect, it } from 'vitest';
import { SpawnError } from '../../../src/errors/index.ts';
import { messageTexts } from '../../fakes/fake-llm-server.ts';
import { TINY_JPEG, TINY_PNG } from '../../fakes/tiny-images.ts';
import { ANSWER, harnessPerTest } from './harness.ts';

const h = harnessPerTest();
const PROMPT = 'copy this sketch as a page';

describe('an image in the prompt reaches vision models as an image part, in each wire format', () => {
  it("Anthropic: a base64 image block beside the request's text block", async () => {
    h.anthropic.script({ text: ANSWER });
    await h.generator({}, 'anthropic:claude-sonnet-4-5').generate(h.request({ prompt: PROMPT, image: { mediaType: 'image/png', data: TINY_PNG } }));
    const content = (h.anthropic.requests[0]?.body.messages as { role: string; content: unknown[] }[])[0]?.content;
    expect(content).toEqual([
      expect.objectContaining({ type: 'text', text: expect.stringContaining(PROMPT) }),
      expect.objectContaining({ type: 'image', source: { type: 'base64', media_type: 'image/png', data: TINY_PNG.toString('base64') } }),
    ]);
  });

  it('OpenAI Chat Completions: an image_url part holding a data: URL', async () => {
    h.openai.script({ text: ANSWER });
    await h.generator({}, 'openai:gpt-4.1').generate(h.request({ prompt: PROMPT, image: { mediaType: 'image/jpeg', data: TINY_JPEG } }));
    const user = (h.openai.requests[0]?.body.messages as { role: string; content: unknown }[]).find((m) => m.role === 'user');
    expect(user?.content).toEqual([
      { type: 'text', text: expect.stringContaining(PROMPT) },
      { type: 'image_url', image_url: { url: `data:image/jpeg;base64,${TINY_JPEG.toString('base64')}` } },
    ]);
  });

  it('skips the models of the chain that do not accept images, and says so', async () => {
    h.openai.script({ text: ANSWER });
    const app = await h.generator({}, 'ollama:qwen2.5-coder,openai:gpt-4.1').generate(h.request({ prompt: PROMPT, image: { mediaType: 'image/png', data: TINY_PNG } }));
    expect(app.model).toBe('openai:gpt-4.1');
    expect(h.events).toContainEqual({ type: 'log', message: 'the request has an image: only openai:gpt-4.1 of the chain accept images' });
    expect(messageTexts(h.openai.requests[0]!).find((m) => m.role === 'user')?.text).toContain(PROMPT);
  });

  it('refuses with IMAGE_NOT_SUPPORTED when no model of the chain accepts images, before any call', async () => {
    const attempt = h.generator({}, 'ollama:qwen2.5-coder').generate(h.request({ image: { mediaType: 'image/png', data: TINY_PNG } }));
    await expect(attempt).rejects.toMatchObject({ code: 'IMAGE_NOT_SUPPORTED' });
    await expect(attempt).rejects.toBeInstanceOf(SpawnError);
    expect(h.openai.requests).toHaveLength(0);
  });
});
