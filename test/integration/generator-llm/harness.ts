import { afterEach, beforeEach } from 'vitest';
import { randomUUID } from 'node:crypto';
import { DEFAULT_PRICING } from '../../../src/config/index.ts';
import type { GenerateRequest, GenerationEvent } from '../../../src/generator/generator.ts';
import { createLlmGenerator, parseModelChain, type LlmGeneratorOptions } from '../../../src/generator/llm/index.ts';
import { FakeAnthropic } from '../../fakes/fake-anthropic.ts';
import { FakeOpenAI } from '../../fakes/fake-openai.ts';

export interface Harness {
  anthropic: FakeAnthropic;
  openai: FakeOpenAI;
  events: GenerationEvent[];
  generator(options?: Partial<LlmGeneratorOptions>, chain?: string): ReturnType<typeof createLlmGenerator>;
  request(overrides?: Partial<GenerateRequest>): GenerateRequest;
  close(): Promise<void>;
}

/** Both fakes on loopback ports, and a generator whose real AI SDK providers point at them. */
export async function startHarness(): Promise<Harness> {
  const anthropic = await FakeAnthropic.start();
  const openai = await FakeOpenAI.start();
  const events: GenerationEvent[] = [];
  const env = { ANTHROPIC_API_KEY: 'test-anthropic', ANTHROPIC_BASE_URL: anthropic.baseURL, OPENAI_API_KEY: 'test-openai', OPENAI_BASE_URL: openai.baseURL };
  return {
    anthropic,
    openai,
    events,
    generator: (options = {}, chain = 'anthropic:claude-sonnet-4-5,openai:gpt-4.1') =>
      createLlmGenerator({ models: parseModelChain(chain), env, pricing: DEFAULT_PRICING, baseDelayMs: 1, stallTimeoutMs: 2_000, ...options }),
    request: (overrides = {}) => ({
      sessionId: `test-${randomUUID()}`,
      prompt: 'a counter with a button',
      appType: 'webapp',
      title: 'Counter',
      signal: AbortSignal.timeout(30_000),
      onEvent: (event) => events.push(event),
      ...overrides,
    }),
    close: async () => {
      await Promise.all([anthropic.close(), openai.close()]);
    },
  };
}

export const PAGE = '<!DOCTYPE html>\n<html><body><button id="b">0</button><script src="app.js"></script></body></html>';
export const APP_JS = "const b = document.getElementById('b');\nb.onclick = () => { b.textContent = String(Number(b.textContent) + 1); };";
export const ANSWER = `Here is a counter.\n<file path="index.html">\n${PAGE}\n</file>\n<file path="app.js">\n${APP_JS}\n</file>\nClick the button.`;

/**
 * A fresh harness for each test of the calling file (started before, checked and closed after):
 * the returned object stands for the current test's harness.
 */
export function harnessPerTest(): Harness {
  let current: Harness | undefined;
  beforeEach(async () => {
    current = await startHarness();
  });
  afterEach(async () => {
    try {
      current?.anthropic.assertNoUnexpected();
      current?.openai.assertNoUnexpected();
    } finally {
      await current?.close();
    }
  });
  return new Proxy({} as Harness, {
    get(_target, key) {
      if (!current) throw new Error('the harness is only there inside a test');
      const value: unknown = Reflect.get(current, key);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(current) : value;
    },
  });
}
