import { describe, expect, it } from 'vitest';
import { DEFAULT_PRICING } from '../../../src/config/index.ts';
import { cheapestModel, classifyRequest, parseModelChain, routeRequest, LONG_REQUEST_CHARS } from '../../../src/generator/llm/index.ts';

const prices = DEFAULT_PRICING.models;
const chain = parseModelChain('anthropic:claude-sonnet-4-5,openai:gpt-4.1-mini,openai:gpt-4.1');

describe('classifyRequest', () => {
  it('calls a short request with one or two features simple', () => {
    expect(classifyRequest('a counter with a button', 'webapp')).toEqual({ complexity: 'simple', chars: 23, features: 2, because: [] });
    expect(classifyRequest('a tip calculator', 'webapp')).toMatchObject({ complexity: 'simple', features: 1 });
    expect(classifyRequest('print the first 100 primes', 'script').complexity).toBe('simple');
  });

  it('calls a long request complex', () => {
    const long = `a landing page for my bakery ${'that looks warm '.repeat(20)}`.trim();
    expect(long.length).toBeGreaterThanOrEqual(LONG_REQUEST_CHARS);
    expect(classifyRequest(long, 'webapp')).toMatchObject({ complexity: 'complex', because: [`${long.length} characters (≥ 300)`] });
  });

  it('counts features between commas, "and", "with" and list items', () => {
    expect(classifyRequest('a todo list with categories, due dates, search and dark mode', 'webapp')).toMatchObject({ complexity: 'complex', features: 5 });
    expect(classifyRequest('a quiz app:\n- questions\n- a score', 'webapp')).toMatchObject({ complexity: 'simple', features: 3 });
    expect(classifyRequest('a quiz app:\n- questions\n- a score\n- a timer\n- a leaderboard', 'webapp')).toMatchObject({ complexity: 'complex', features: 5 });
    // "and" inside a word is no separator; one-letter fragments are no feature.
    expect(classifyRequest('a sandwich order form', 'webapp').features).toBe(1);
  });

  it('calls an api app with storage complex, and the same words in a web app not', () => {
    expect(classifyRequest('an api to store notes', 'api')).toMatchObject({ complexity: 'complex', because: ['an api app with storage ("store")'] });
    expect(classifyRequest('a REST API with users and login', 'api').complexity).toBe('complex');
    expect(classifyRequest('an api that returns the time', 'api').complexity).toBe('simple');
    expect(classifyRequest('a page to store notes', 'webapp').complexity).toBe('simple');
  });
});

describe('routeRequest', () => {
  it('starts a simple request at the cheapest priced model, then the chain in its order', () => {
    const decision = routeRequest('a counter with a button', 'webapp', chain, prices);
    expect(decision.model.id).toBe('openai:gpt-4.1-mini');
    expect(decision.order.map((m) => m.id)).toEqual(['openai:gpt-4.1-mini', 'anthropic:claude-sonnet-4-5', 'openai:gpt-4.1']);
    expect(decision).toMatchObject({ complexity: 'simple', reason: 'simple request (23 characters, 2 features) → openai:gpt-4.1-mini, the cheapest model of the chain' });
  });

  it('starts a complex request at the first (strongest) model, chain unchanged', () => {
    const decision = routeRequest('a notes api that saves notes in a database', 'api', chain, prices);
    expect(decision.model.id).toBe('anthropic:claude-sonnet-4-5');
    expect(decision.order).toEqual(chain);
    expect(decision.reason).toMatch(/^complex request \(an api app with storage \("saves"\)\) → anthropic:claude-sonnet-4-5, the strongest model/);
  });

  it('keeps the first model when no other model of the chain is cheaper or priced', () => {
    const unpriced = parseModelChain('anthropic:claude-sonnet-4-5,ollama:qwen2.5-coder');
    expect(routeRequest('a counter', 'webapp', unpriced, prices)).toMatchObject({ model: { id: 'anthropic:claude-sonnet-4-5' }, complexity: 'simple' });
    expect(routeRequest('a counter', 'webapp', unpriced, prices).reason).toMatch(/no cheaper priced model/);
    const cheapFirst = parseModelChain('openai:gpt-4.1-mini,anthropic:claude-sonnet-4-5');
    expect(routeRequest('a counter', 'webapp', cheapFirst, prices).order).toEqual(cheapFirst);
  });

  it('is deterministic: the same request always routes the same way', () => {
    const prompt = 'a habit tracker with streaks';
    const first = routeRequest(prompt, 'webapp', chain, prices);
    for (let i = 0; i < 5; i++) expect(routeRequest(prompt, 'webapp', chain, prices)).toEqual(first);
  });

  it('picks the cheapest by input + output price, the earlier model on a tie', () => {
    expect(cheapestModel(chain, prices)?.id).toBe('openai:gpt-4.1-mini');
    const tie = { 'a:x': { inputPerMTokUsd: 1, outputPerMTokUsd: 1 }, 'b:y': { inputPerMTokUsd: 1.5, outputPerMTokUsd: 0.5 } };
    expect(cheapestModel([{ provider: 'openai', model: 'x', id: 'a:x' }, { provider: 'openai', model: 'y', id: 'b:y' }], tie)?.id).toBe('a:x');
    expect(cheapestModel(parseModelChain('ollama:llama3'), prices)).toBeNull();
  });
});
