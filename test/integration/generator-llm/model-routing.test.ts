import { describe, expect, it } from 'vitest';
import { messageTexts } from '../../fakes/fake-llm-server.ts';
import { ANSWER, harnessPerTest } from './harness.ts';

const h = harnessPerTest();
// Strongest first (Anthropic fake), the cheap model second (OpenAI fake): which fake is called shows the route.
const CHAIN = 'anthropic:claude-sonnet-4-5,openai:gpt-4.1-mini';
const COMPLEX = 'a kanban board with columns, drag and drop of cards, labels, due dates, search and a dark mode';

describe('SPAWN_MODEL_ROUTING=auto through the real AI SDK and fake providers', () => {
  it('sends a simple request to the cheap model and says so in the events', async () => {
    h.openai.script({ text: ANSWER, usage: { inputTokens: 1_000, outputTokens: 500 } });
    const app = await h.generator({ routing: 'auto' }, CHAIN).generate(h.request({ prompt: 'a counter with a button' }));
    expect(h.anthropic.requests).toHaveLength(0);
    expect(h.openai.requests[0]?.body).toMatchObject({ model: 'gpt-4.1-mini' });
    expect(app.model).toBe('openai:gpt-4.1-mini');
    expect(app.routing).toEqual({ model: 'openai:gpt-4.1-mini', complexity: 'simple', reason: 'simple request (23 characters, 2 features) → openai:gpt-4.1-mini, the cheapest model of the chain' });
    expect(h.events).toContainEqual({ type: 'log', message: `model routing: ${app.routing?.reason}` });
    // 1000 × $0.4/M + 500 × $1.6/M: billed at the cheap model's price
    expect(app.usage.costUsd).toBeCloseTo(0.0012, 12);
  });

  it('sends a complex request to the strongest model', async () => {
    h.anthropic.script({ text: ANSWER });
    const app = await h.generator({ routing: 'auto' }, CHAIN).generate(h.request({ prompt: COMPLEX }));
    expect(h.openai.requests).toHaveLength(0);
    expect(messageTexts(h.anthropic.requests[0]!)[0]?.text).toContain(COMPLEX);
    expect(app).toMatchObject({ model: 'anthropic:claude-sonnet-4-5', routing: { complexity: 'complex' } });
    expect(app.routing?.reason).toMatch(/features \(≥ 4\)/);
  });

  it('still falls back along the chain when the chosen cheap model fails, and repairs start where the app was written', async () => {
    h.openai.script({ status: 400, error: { message: 'model not available' } });
    h.anthropic.script({ text: ANSWER }, { text: ANSWER });
    const generator = h.generator({ routing: 'auto' }, CHAIN);
    const app = await generator.generate(h.request({ prompt: 'a counter' }));
    expect(app.model).toBe('anthropic:claude-sonnet-4-5');
    expect(app.routing?.model).toBe('openai:gpt-4.1-mini');
    expect(h.events.some((e) => e.type === 'log' && /openai:gpt-4\.1-mini failed.*falling back to anthropic:claude-sonnet-4-5/.test(e.message))).toBe(true);
    await generator.repair(app, ['uncaught exception'], h.request({ prompt: 'a counter' }));
    expect(h.anthropic.requests).toHaveLength(2);
    expect(h.openai.requests).toHaveLength(1);
  });

  it('routes nothing when off: the first model of the chain answers a simple request', async () => {
    h.anthropic.script({ text: ANSWER });
    const app = await h.generator({}, CHAIN).generate(h.request({ prompt: 'a counter' }));
    expect(app.model).toBe('anthropic:claude-sonnet-4-5');
    expect(app.routing).toBeUndefined();
    expect(h.events.some((e) => e.type === 'log' && e.message.startsWith('model routing'))).toBe(false);
  });
});
