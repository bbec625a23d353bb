import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installErrorHandling } from '../../../src/server/errors.ts';
import { installJsonBodyParser } from '../../../src/server/json-body.ts';

const MAX_DEPTH = 64;
const deep = (n: number, inner = ''): string => '['.repeat(n) + inner + ']'.repeat(n);

describe('JSON body parser with a nesting limit', () => {
  let app: FastifyInstance;
  let handled = 0;
  beforeAll(async () => {
    // A large body limit here, so the depth check (not the 64 KiB limit) is what answers.
    app = Fastify({ bodyLimit: 2 * 1024 * 1024 });
    installErrorHandling(app);
    installJsonBodyParser(app, { maxDepth: MAX_DEPTH });
    app.removeContentTypeParser('text/plain');
    app.post('/echo', async (request) => {
      handled++;
      return { body: request.body ?? null };
    });
    await app.ready();
  });
  afterAll(() => app.close());

  const post = (payload: string, contentType = 'application/json') =>
    app.inject({ method: 'POST', url: '/echo', headers: { 'content-type': contentType }, payload });

  it('accepts bodies up to the limit, and strings full of brackets at any length', async () => {
    const atLimit = await post(deep(MAX_DEPTH));
    expect(atLimit.statusCode).toBe(200);
    const brackets = JSON.stringify({ s: '[{'.repeat(5000), t: 'a\\"[[[', u: '\\\\' });
    const res = await post(brackets);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ body: JSON.parse(brackets) });
    const nested = await post(`{"a":${deep(MAX_DEPTH - 1, '{}')}}`.replace('{}', '1'));
    expect(nested.statusCode).toBe(200);
  });

  it('refuses one level too deep with 400 INPUT_TOO_DEEP before the handler runs', async () => {
    const before = handled;
    for (const body of [deep(MAX_DEPTH + 1), `{"inputs":{"a":${deep(MAX_DEPTH - 1)}}}`, '{"a":'.repeat(MAX_DEPTH + 1)]) {
      const res = await post(body);
      expect(res.statusCode, body.slice(0, 40)).toBe(400);
      expect(res.json().error.code).toBe('INPUT_TOO_DEEP');
      expect(res.json().error.message).toContain(`${MAX_DEPTH} levels`);
      expect(res.json().error.message).toContain('SPAWN_MAX_JSON_DEPTH');
    }
    expect(handled).toBe(before);
  });

  it('refuses 10,000 and 100,000 levels quickly, without a stack overflow', async () => {
    for (const levels of [10_000, 100_000]) {
      for (const body of [deep(levels), '['.repeat(levels), `{"x":${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}}`]) {
        const started = performance.now();
        const res = await post(body);
        const ms = performance.now() - started;
        expect(res.statusCode).toBe(400);
        expect(res.json().error.code).toBe('INPUT_TOO_DEEP');
        expect(ms, `${levels} levels refused in ${ms.toFixed(1)} ms`).toBeLessThan(250);
      }
    }
  });

  it('keeps the rest of the default behaviour: poisoning, malformed, empty, media types', async () => {
    const proto = await post('{"__proto__": {"admin": true}}');
    expect([proto.statusCode, proto.json().error.code]).toEqual([400, 'INVALID_JSON']);
    const ctor = await post('{"constructor": {"prototype": {"admin": true}}}');
    expect([ctor.statusCode, ctor.json().error.code]).toEqual([400, 'INVALID_JSON']);
    for (const bad of ['{"a":', '{"a": 1,}', '\u0000', '"\\ud800', ']]]]']) {
      const res = await post(bad);
      expect([res.statusCode, res.json().error.code], JSON.stringify(bad)).toEqual([400, 'INVALID_JSON']);
    }
    const empty = await post('');
    expect([empty.statusCode, empty.json().error.code]).toEqual([400, 'INVALID_JSON']);
    const charset = await post('{"a":1}', 'application/json; charset=utf-8');
    expect(charset.json()).toEqual({ body: { a: 1 } });
    const text = await post('{"a":1}', 'text/plain');
    expect([text.statusCode, text.json().error.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
  });

  it('keeps the body limit (413 BODY_TOO_LARGE)', async () => {
    const small = Fastify({ bodyLimit: 1024 });
    installErrorHandling(small);
    installJsonBodyParser(small, { maxDepth: MAX_DEPTH });
    small.post('/echo', async (request) => request.body);
    const res = await small.inject({ method: 'POST', url: '/echo', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ s: 'x'.repeat(2048) }) });
    expect([res.statusCode, res.json().error.code]).toEqual([413, 'BODY_TOO_LARGE']);
    await small.close();
  });
});
