import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { CreatedSession, MeView, OrgView, SessionView } from '../../src/api-types.ts';
import { requireService } from '../support/services.ts';
import { launchChromium, openPage, screenshot, waitForState } from './support/browser.ts';
import { buildWebUi, startSpawnServer, type RunningServer } from './support/spawn-server.ts';

const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000 });

// Loopback single-user mode: the local user owns a personal organisation and may create others;
// the UI acts in one of them through X-Spawn-Org (a cookie session is covered by sign-in.test.ts).
describe.skipIf(!requireService('chromium'))('team views in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const api = async <T>(method: string, route: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> => {
    const res = await fetch(server.baseUrl + route, { method, headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${route} → ${res.status} ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  };
  const openMenu = async () => {
    await page.getByRole('button', { name: 'Account' }).click();
    return page.getByRole('dialog', { name: 'Account' });
  };
  const noOverflow = (p: Page) =>
    p.evaluate(() => [...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > window.innerWidth).map((el) => el.outerHTML.slice(0, 120)));

  beforeAll(async () => {
    await buildWebUi();
    server = await startSpawnServer();
    browser = await launchChromium();
    page = await openPage(browser, server.baseUrl);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lists the owner in the members view, and creates an organisation to switch to', async () => {
    await (await openMenu()).getByRole('link', { name: 'Members' }).click();
    const view = page.getByTestId('members-view');
    await eventually(() => view.getByRole('row').filter({ hasText: 'Owner' }).count()).toBe(1);
    expect(await view.getByRole('row').filter({ hasText: 'local' }).count()).toBe(1);
    await view.getByRole('textbox', { name: 'Name of the new organisation' }).fill('Acme');
    await view.getByRole('button', { name: 'Create' }).click();
    await view.getByRole('heading', { name: 'Members · Acme' }).waitFor();
    // An organisation of its own: invitations are offered there, and the link is shown to copy.
    await view.getByRole('button', { name: 'Create invitation link' }).click();
    expect(await view.getByTestId('invitation-url').inputValue()).toMatch(/\/#\/invite\/.+/);
  });

  it('shows a created API key once, and the key works in its organisation', async () => {
    const acme = (await api<{ orgs: OrgView[] }>('GET', '/api/orgs')).orgs.find((o) => o.name === 'Acme');
    await page.goto('/#/api-keys');
    const form = page.getByRole('form', { name: 'New key' });
    await form.getByRole('textbox', { name: 'Name' }).fill('ci robot');
    await form.getByRole('checkbox', { name: 'functions:execute' }).check();
    await form.getByRole('button', { name: 'Create key' }).click();
    const key = await page.getByTestId('new-api-key').inputValue();
    expect(key).toMatch(/^spk_/);
    expect((await api<MeView>('GET', '/api/me', undefined, { authorization: `Bearer ${key}` })).currentOrgId).toBe(acme?.id);
    await eventually(() => page.getByTestId('api-key').filter({ hasText: 'ci robot' }).count()).toBe(1);
    await page.reload();
    await page.getByTestId('api-key').filter({ hasText: 'ci robot' }).waitFor();
    expect(await page.getByTestId('new-api-key').count()).toBe(0);
    expect(await page.locator('body').textContent()).not.toContain(key);
  });

  it('shows the key creation in the audit view, filters by action and links the CSV', async () => {
    await page.goto('/#/audit');
    await eventually(() => page.getByTestId('audit-entry').filter({ hasText: 'apikey.create' }).count()).toBe(1);
    await page.getByRole('textbox', { name: 'Action' }).fill('org.create');
    await page.getByRole('button', { name: 'Filter' }).click();
    await eventually(() => page.getByTestId('audit-entry').filter({ hasText: 'apikey.create' }).count()).toBe(0);
    const csv = await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
    expect(csv).toMatch(/\/audit\.csv\?action=org\.create$/);
  });

  it('switching organisation changes the session list; the visibility toggle changes a session', async () => {
    const acme = (await api<{ orgs: OrgView[] }>('GET', '/api/orgs')).orgs.find((o) => o.name === 'Acme');
    const personal = await api<CreatedSession>('POST', '/api/sessions', { prompt: 'a personal todo list', appType: 'webapp' });
    const team = await api<CreatedSession>('POST', '/api/sessions', { prompt: 'a team todo list', appType: 'webapp' }, { 'x-spawn-org': acme?.id ?? '' });
    const link = (id: string) => page.locator(`nav a[href="#/s/${id}"]`);
    await page.goto('/#');
    await eventually(() => link(team.id).count()).toBe(1);
    expect(await link(personal.id).count()).toBe(0);
    await (await openMenu()).getByRole('combobox', { name: 'Organisation' }).selectOption('local');
    await eventually(() => link(personal.id).count()).toBe(1);
    expect(await link(team.id).count()).toBe(0);

    await page.keyboard.press('Escape');
    await link(personal.id).click();
    await waitForState(page, 'running');
    const toggle = page.getByTestId('visibility');
    expect(await toggle.getAttribute('data-visibility')).toBe('public');
    await toggle.getByRole('radio', { name: 'Members of the organisation' }).check();
    await eventually(async () => (await api<SessionView>('GET', `/api/sessions/${personal.id}`)).visibility).toBe('org');
    await page.reload();
    await eventually(() => toggle.getAttribute('data-visibility')).toBe('org');
    await api('DELETE', `/api/sessions/${personal.id}`);
    await api('DELETE', `/api/sessions/${team.id}`, undefined, { 'x-spawn-org': acme?.id ?? '' });
  });

  it('speaks French, and fits a 390 px wide phone', async () => {
    const fr = await openPage(browser, server.baseUrl, { locale: 'fr-FR', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await fr.goto('/#/api-keys');
    await fr.getByRole('heading', { name: "Clés d'API" }).waitFor();
    await fr.getByRole('button', { name: 'Créer la clé' }).waitFor();
    expect(await noOverflow(fr)).toEqual([]);
    for (const hash of ['#/members', '#/audit']) {
      await fr.goto(`/${hash}`);
      await fr.getByRole('heading', { name: hash === '#/members' ? /^Membres/ : "Journal d'audit" }).waitFor();
      await fr.getByRole('row').nth(1).waitFor();
      expect(await noOverflow(fr)).toEqual([]);
    }
    await fr.getByRole('button', { name: 'Compte' }).click();
    expect(await noOverflow(fr)).toEqual([]);
    await screenshot(fr, 'teams-phone-menu');
  });
});
