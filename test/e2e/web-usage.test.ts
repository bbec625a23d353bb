import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { AccountView, CreatedSession, SessionView } from '../../src/api-types.ts';
import { requireService } from '../support/services.ts';
import { launchChromium, openPage, screenshot } from './support/browser.ts';
import { buildWebUi, startSpawnServer, type RunningServer } from './support/spawn-server.ts';

const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 30_000 });

// Skipped only where Chromium is missing; requireService() fails the run in CI instead.
describe.skipIf(!requireService('chromium'))('usage view in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  const api = async <T>(method: string, route: string, body?: unknown): Promise<T> => {
    const res = await fetch(server.baseUrl + route, { method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });
    return (await res.json()) as T;
  };

  beforeAll(async () => {
    await buildWebUi();
    server = await startSpawnServer({ SPAWN_DEFAULT_CREDITS_USD: '5' });
    browser = await launchChromium();
    // Something to show: one session that ran and was destroyed (reserved, then settled).
    const created = await api<CreatedSession>('POST', '/api/sessions', { prompt: 'a todo list', appType: 'webapp' });
    const reach = async (state: string) => {
      for (let i = 0; i < 600 && (await api<SessionView>('GET', `/api/sessions/${created.id}`)).state !== state; i++) await new Promise((r) => setTimeout(r, 100));
    };
    await reach('running');
    await api('DELETE', `/api/sessions/${created.id}`);
    await reach('destroyed');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('draws the charts, the balance and the ledger, in English and French, and says why creation is refused', async () => {
    const page = await openPage(browser, server.baseUrl);
    await page.getByRole('link', { name: 'Usage' }).click();
    await page.getByTestId('usage-view').waitFor();
    await eventually(() => page.locator('svg.recharts-surface').count()).toBeGreaterThanOrEqual(3);
    for (const title of ['Spend per day', 'Top users', 'Tokens by model']) expect(await page.getByRole('region', { name: title }).count()).toBe(1);
    const before = await api<AccountView>('GET', '/api/orgs/local/billing');
    expect(before.balanceUsd).toBeLessThan(5); // the destroyed session was charged
    expect(await page.getByTestId('balance').textContent()).toBe(`$${before.balanceUsd.toFixed(2)}`);
    const ledger = page.getByRole('region', { name: 'Credit movements' });
    for (const kind of ['Starting credits', 'Reserved', 'Released', 'Charged']) expect(await ledger.getByRole('cell', { name: kind, exact: true }).count()).toBe(1);
    await screenshot(page, 'usage-view');

    await api('POST', '/api/orgs/local/credits', { amountUsd: -before.balanceUsd, note: 'e2e' });
    const fr = await openPage(browser, server.baseUrl, { locale: 'fr-FR' });
    await fr.goto('/#/usage');
    await fr.getByRole('heading', { name: 'Consommation et crédits' }).waitFor();
    await eventually(() => fr.getByRole('alert').textContent()).toContain('plus de crédits');
    expect(await fr.locator('svg.recharts-surface').count()).toBeGreaterThanOrEqual(3);
  });
});
