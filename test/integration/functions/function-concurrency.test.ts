import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgView, QueuedTask } from '../../../src/api-types.ts';
import { startHarness, type Harness } from '../../support/platform-harness.ts';

type ErrorBody = { error: { code: string; message: string } };

// No worker: every call stays queued, so the count of calls "queued or running" is exact.
describe('function concurrency per organisation', () => {
  let h: Harness;
  const CAP = 3;

  beforeAll(async () => {
    h = await startHarness({ SPAWN_MAX_FUNCTION_CONCURRENCY: String(CAP) }, { worker: false });
  });
  afterAll(() => h?.close());

  const register = async (org?: string) => {
    const res = await h.api<{ id: string }>('POST', '/api/functions', { name: 'echo', runtime: 'node', code: 'export function main(i) { return i }\n' }, org ? { 'x-spawn-org': org } : {});
    expect(res.status).toBe(201);
    return res.body.id;
  };
  const execute = (id: string, n: number, org?: string) => h.api<QueuedTask | ErrorBody>('POST', `/api/functions/${id}/execute`, { inputs: { n } }, org ? { 'x-spawn-org': org } : {});

  it("refuses a call with 429 once the organisation's own limit is reached; the server's cap bounds the others", async () => {
    const team = (await h.api<OrgView>('POST', '/api/orgs', { name: 'team' })).body;
    const patched = await h.api<OrgView>('PATCH', `/api/orgs/${team.id}`, { limits: { maxFunctionConcurrency: 1 } });
    expect(patched.body.limits.maxFunctionConcurrency).toBe(1);
    const teamFn = await register(team.id);
    expect((await execute(teamFn, 1, team.id)).status).toBe(202);
    const refused = await execute(teamFn, 2, team.id);
    expect(refused.status).toBe(429);
    expect((refused.body as ErrorBody).error.code).toBe('FUNCTION_CONCURRENCY_LIMIT');
    expect((refused.body as ErrorBody).error.message).toContain('limit 1');

    // The personal organisation has no limit of its own: the server's cap applies, and the
    // team's queued call does not count against it.
    const mine = await register();
    for (let n = 0; n < CAP; n++) expect((await execute(mine, n)).status).toBe(202);
    const capped = await execute(mine, CAP);
    expect(capped.status).toBe(429);
    expect((capped.body as ErrorBody).error.message).toContain(`limit ${CAP}`);

    // An admin raising the limit (within the cap) admits the next call at once.
    await h.api('PATCH', `/api/orgs/${team.id}`, { limits: { maxFunctionConcurrency: 2 } });
    expect((await execute(teamFn, 3, team.id)).status).toBe(202);
  });
});
