import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/index.ts';
import type { SpawnError } from '../../../src/errors/index.ts';
import { parseCreateSession, parseExtend } from '../../../src/orchestrator/index.ts';
import { newSessionId } from '../../../src/orchestrator/ids.ts';
import { generationProgress } from '../../../src/orchestrator/progress.ts';
import { estimateCost, computeCost } from '../../../src/orchestrator/cost.ts';

const config = loadConfig({});
const code = (fn: () => unknown): string => {
  try {
    fn();
  } catch (err) {
    return (err as SpawnError).code;
  }
  return 'none';
};

describe('parseCreateSession', () => {
  it('trims the prompt, defaults the TTL and leaves appType to inference', () => {
    expect(parseCreateSession({ prompt: '  hello  ' }, config)).toEqual({ prompt: 'hello', appType: undefined, ttlSeconds: 7200, region: 'local' });
  });
  it('counts characters, not UTF-16 units, against the limit', () => {
    expect(parseCreateSession({ prompt: '😀'.repeat(2000) }, config).prompt).toHaveLength(4000);
    expect(code(() => parseCreateSession({ prompt: '😀'.repeat(2001) }, config))).toBe('PROMPT_TOO_LONG');
  });
  it('gives one precise code per problem', () => {
    expect(code(() => parseCreateSession(null, config))).toBe('INVALID_REQUEST');
    expect(code(() => parseCreateSession({ prompt: 'x', extra: 1 }, config))).toBe('UNKNOWN_FIELD');
    expect(code(() => parseCreateSession({ prompt: 'x', appType: 'web' }, config))).toBe('INVALID_APP_TYPE');
    expect(code(() => parseCreateSession({ prompt: 'x', ttlSeconds: 59 }, config))).toBe('TTL_OUT_OF_RANGE');
    expect(code(() => parseCreateSession({ prompt: 'x', ttlSeconds: 259_201 }, config))).toBe('TTL_OUT_OF_RANGE');
    expect(code(() => parseExtend({ ttlSeconds: '60' }, config))).toBe('INVALID_REQUEST');
    expect(parseExtend({ ttlSeconds: 60 }, config)).toBe(60);
  });
  it('takes a served region and refuses another with INVALID_REGION', () => {
    const regional = loadConfig({ SPAWN_REGIONS: 'fra1,nyc1', SPAWN_DEFAULT_REGION: 'fra1' });
    expect(parseCreateSession({ prompt: 'x' }, regional).region).toBe('fra1');
    expect(parseCreateSession({ prompt: 'x', region: 'nyc1' }, regional).region).toBe('nyc1');
    expect(code(() => parseCreateSession({ prompt: 'x', region: 'zz9' }, regional))).toBe('INVALID_REGION');
  });
});

describe('ids, progress, cost', () => {
  it('session ids are unguessable DNS labels', () => {
    const ids = new Set(Array.from({ length: 1000 }, newSessionId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z2-7]{25}$/);
  });
  it('generation progress stays between provisioning and deploying', () => {
    expect(generationProgress(0)).toBe(30);
    expect(generationProgress(1)).toBe(85);
    expect(generationProgress(7)).toBe(85);
  });
  it('prices the TTL at the tier rate', () => {
    expect(estimateCost(config, 's-1vcpu-1gb', 7200, 0)).toBeCloseTo(0.01786, 6);
    expect(computeCost(config, 's-1vcpu-1gb', 3600)).toBeCloseTo(0.00893, 6);
  });
});
