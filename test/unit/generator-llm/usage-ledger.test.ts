import { describe, expect, it } from 'vitest';
import { DEFAULT_PRICING } from '../../../src/config/index.ts';
import { SpawnError } from '../../../src/errors/index.ts';
import { UsageLedger } from '../../../src/generator/llm/usage-ledger.ts';

const call = { purpose: 'generate' as const, finishReason: 'stop', durationMs: 5 };

describe('UsageLedger', () => {
  it('prices each call from the table and sums them', () => {
    const ledger = new UsageLedger(DEFAULT_PRICING.models);
    ledger.record({ ...call, model: 'anthropic:claude-sonnet-4-5', inputTokens: 1_000, outputTokens: 2_000 });
    ledger.record({ ...call, purpose: 'continue', model: 'openai:gpt-4.1', inputTokens: 500_000, outputTokens: 250_000 });
    const usage = ledger.usage();
    expect(usage.inputTokens).toBe(501_000);
    expect(usage.outputTokens).toBe(252_000);
    // 1k×$3/M + 2k×$15/M = $0.033; 500k×$2/M + 250k×$8/M = $3
    expect(usage.costUsd).toBeCloseTo(3.033, 10);
    expect(usage.calls?.map((c) => c.costUsd)).toEqual([0.033, 3]);
  });

  it('counts an unknown model at $0 and says so', () => {
    const unknown: string[] = [];
    const ledger = new UsageLedger(DEFAULT_PRICING.models, {}, (model) => unknown.push(model));
    ledger.record({ ...call, model: 'ollama:llama3', inputTokens: 10, outputTokens: 10 });
    expect(ledger.usage().costUsd).toBe(0);
    expect(unknown).toEqual(['ollama:llama3']);
  });

  it('throws GENERATION_BUDGET_EXCEEDED once tokens or dollars are over budget', () => {
    const ledger = new UsageLedger(DEFAULT_PRICING.models, { maxGenerationTokens: 100 });
    ledger.record({ ...call, model: 'openai:gpt-4.1', inputTokens: 60, outputTokens: 40 });
    expect(() => ledger.assertWithinBudget()).not.toThrow();
    expect(() => ledger.assertStreamWithinBudget('openai:gpt-4.1', 8)).toThrow(SpawnError);
    const dollars = new UsageLedger(DEFAULT_PRICING.models, { maxGenerationUsd: 0.01 });
    dollars.record({ ...call, model: 'openai:gpt-4.1', inputTokens: 0, outputTokens: 2_000 });
    expect(() => dollars.assertWithinBudget()).toThrow(/budget is spent \(\$0\.0160 > \$0\.01/);
  });

  it('carries an earlier usage forward', () => {
    const ledger = new UsageLedger(DEFAULT_PRICING.models, {}, () => {}, { inputTokens: 7, outputTokens: 3, costUsd: 0.5 });
    expect(ledger.usage()).toMatchObject({ inputTokens: 7, outputTokens: 3, costUsd: 0.5 });
  });
});
