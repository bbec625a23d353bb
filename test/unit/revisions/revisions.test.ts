import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/index.ts';
import { expectedGenerationTokens, expectedGenerationUsd } from '../../../src/orchestrator/generation-cost.ts';
import { normalizePrompt, promptCacheKey } from '../../../src/orchestrator/pipeline/generation-cache.ts';
import { changeSummary, editHistory, newMessageId } from '../../../src/orchestrator/revisions/conversation.ts';
import { titleSlug } from '../../../src/orchestrator/revisions/zip-export.ts';
import type { MessageRecord, SessionRecord } from '../../../src/store/index.ts';

const key = { prompt: 'A todo  app', appType: 'webapp', models: ['openai:gpt-4.1'], promptId: 'webapp.v1', promptHash: 'abc' } as const;

describe('prompt cache key', () => {
  it('is the same for the same request whatever its case and spacing', () => {
    expect(normalizePrompt('  A\tTodo \n app ')).toBe('a todo app');
    expect(promptCacheKey(key)).toBe(promptCacheKey({ ...key, prompt: '\na TODO app  ' }));
    expect(promptCacheKey(key)).toMatch(/^[0-9a-f]{64}$/);
  });
  it('changes with the app type, the model chain and the prompt template', () => {
    const base = promptCacheKey(key);
    expect(promptCacheKey({ ...key, prompt: 'a todo apps' })).not.toBe(base);
    expect(promptCacheKey({ ...key, appType: 'api' })).not.toBe(base);
    expect(promptCacheKey({ ...key, models: ['openai:gpt-4.1', 'anthropic:claude-sonnet-4-5'] })).not.toBe(base);
    expect(promptCacheKey({ ...key, promptId: 'webapp.v2' })).not.toBe(base);
    expect(promptCacheKey({ ...key, promptHash: 'abd' })).not.toBe(base);
  });
});

describe('expected generation cost', () => {
  const config = loadConfig({});
  it('prices expected tokens at the first model of the chain', () => {
    const tokens = expectedGenerationTokens('webapp', 'a todo app');
    expect(tokens.outputTokens).toBe(3_500); // 14 000 expected bytes / 4
    expect(tokens.inputTokens).toBeGreaterThan(500);
    const usd = expectedGenerationUsd(config, ['openai:gpt-4.1', 'anthropic:claude-opus-4-1'], 'webapp', 'a todo app');
    expect(usd).toBeCloseTo((tokens.inputTokens * 2 + tokens.outputTokens * 8) / 1e6, 12);
  });
  it('is 0 without a model or a price', () => {
    expect(expectedGenerationUsd(config, [], 'api', 'x')).toBe(0);
    expect(expectedGenerationUsd(config, ['ollama:qwen2.5-coder'], 'api', 'x')).toBe(0);
  });
});

describe('conversation', () => {
  const session = { prompt: 'a counter' } as SessionRecord;
  const msg = (role: MessageRecord['role'], content: string, status: MessageRecord['status'] = 'done'): MessageRecord => ({
    id: newMessageId(),
    sessionId: 's',
    role,
    content,
    version: null,
    restoreVersion: null,
    status,
    createdAt: new Date(),
  });

  it('history starts with the original request and keeps completed changes only, ending on the assistant', () => {
    const history = editHistory(session, [msg('user', 'make it red'), msg('assistant', 'Red now.'), msg('user', 'broken', 'failed'), msg('assistant', 'failed', 'failed')]);
    expect(history.map((t) => `${t.role}:${t.content}`)).toEqual(['user:a counter', 'assistant:I built the first version of the app.', 'user:make it red', 'assistant:Red now.']);
  });
  it('summarises a change with the model words, else the files', () => {
    expect(changeSummary({ message: ' Done. ', changedPaths: ['a.js'] })).toBe('Done.');
    expect(changeSummary({ changedPaths: ['a.js', 'b.css'], deletedPaths: ['old.js'] })).toBe('changed: a.js, b.css; deleted: old.js');
  });
  it('message ids sort in creation order', () => {
    const ids = Array.from({ length: 50 }, newMessageId);
    expect([...ids].sort()).toEqual(ids);
  });
  it('title slugs are safe file names', () => {
    expect(titleSlug('Pomodoro timer! With tasks')).toBe('pomodoro-timer-with-tasks');
    expect(titleSlug('Café "quoted"/..\\x')).toBe('cafe-quoted-x');
    expect(titleSlug('!!!')).toBe('app');
  });
});
