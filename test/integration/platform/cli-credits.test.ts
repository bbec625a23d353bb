import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountView, UsageView } from '../../../src/api-types.ts';
import { runCli } from '../../support/cli-runner.ts';
import { startHarness, type Harness } from '../../support/platform-harness.ts';

const cli = runCli;

const ORG = 'local'; // single-user mode: the loopback owner's organisation; the owner is an installation admin

describe('spawnai credits against a running server', () => {
  let h: Harness;
  let env: Record<string, string>;
  beforeAll(async () => {
    h = await startHarness({}, { worker: false });
    env = { SPAWN_URL: h.base };
  });
  afterAll(async () => {
    await h?.close();
  });

  it('`credits show` says there is no credit limit before any top-up', async () => {
    const { code, out } = await cli(['credits', 'show', ORG], env);
    expect(code, out).toBe(0);
    expect(out).toContain(`${ORG}: balance $0.00 (no credit limit)`);
  });

  it('`credits add` tops up with a note: the ledger has it and the balance is what the CLI printed', async () => {
    const { code, out } = await cli(['credits', 'add', ORG, '12.5', '--note', 'pilot budget'], env);
    expect(code, out).toBe(0);
    expect(out).toContain(`✔ added $12.50 to ${ORG}`);
    expect(out).toContain(`${ORG}: balance $12.50\n`);
    const account = (await h.api<AccountView>('GET', `/api/orgs/${ORG}/billing`)).body;
    expect(account).toMatchObject({ creditsLimited: true, balanceUsd: 12.5 });
    const usage = (await h.api<UsageView>('GET', `/api/orgs/${ORG}/usage`)).body;
    expect(usage.ledger.filter((e) => e.kind === 'topup').map((e) => [e.amountUsd, e.note])).toEqual([[12.5, 'pilot budget']]);

    const correction = await cli(['credits', 'add', ORG, '--json', '--', '-2.5'], env);
    expect(correction.code, correction.out).toBe(0);
    expect((JSON.parse(correction.out) as AccountView).balanceUsd).toBe(10);
  });

  it('refuses an amount that is not a number, and reports the server refusing an unknown org', async () => {
    const bad = await cli(['credits', 'add', ORG, 'ten'], env);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('amountUsd must be a non-zero number of dollars');
    const unknown = await cli(['credits', 'add', 'no-such-org', '5'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.out).toContain('ORG_NOT_FOUND');
    expect((await h.api<AccountView>('GET', `/api/orgs/${ORG}/billing`)).body.balanceUsd).toBe(10);
  });
});
