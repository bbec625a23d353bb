import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ConfigView, CreatedSession } from '../../src/api-types.ts';
import { requireService } from '../support/services.ts';
import { createFromChat, launchChromium, openPage, screenshot, waitForState } from './support/browser.ts';
import { buildWebUi, startSpawnServer, type RunningServer } from './support/spawn-server.ts';

const available = requireService('chromium');
// SPAWN_E2E_URL points the suite at an already running server instead of building and starting one.
const externalUrl = process.env.SPAWN_E2E_URL;
const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000 });

// Skipped only where Chromium is missing; requireService() fails the run in CI instead.
describe.skipIf(!available)('web app in Chromium', () => {
  let server: RunningServer | undefined;
  let browser: Browser;
  let baseUrl: string;
  let config: ConfigView;
  const pages: Page[] = [];

  const open = async (options?: Parameters<typeof openPage>[2]) => {
    const page = await openPage(browser, baseUrl, options);
    pages.push(page);
    return page;
  };
  const createViaApi = async (prompt: string): Promise<CreatedSession> => {
    const res = await fetch(`${baseUrl}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ prompt }) });
    expect(res.status).toBe(201);
    return (await res.json()) as CreatedSession;
  };

  beforeAll(async () => {
    if (externalUrl) baseUrl = externalUrl;
    else {
      await buildWebUi();
      server = await startSpawnServer();
      baseUrl = server.baseUrl;
    }
    config = (await (await fetch(`${baseUrl}/api/config`)).json()) as ConfigView;
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const page of pages) await page.context().close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('creates an app from the chat, streams progress to ready and previews it on its own origin', async () => {
    const page = await open();
    if (config.generator === 'offline-template') await eventually(() => page.getByTestId('generator-notice').textContent()).toMatch(/ANTHROPIC_API_KEY|SPAWN_MODELS/);
    await createFromChat(page, 'a simple todo list app');
    await eventually(() => page.getByRole('progressbar').first().getAttribute('aria-valuenow')).toMatch(/^\d+$/);
    await waitForState(page, 'running');
    expect(await page.getByRole('progressbar').first().getAttribute('aria-valuenow')).toBe('100');
    await eventually(() => page.getByTestId('file-list').textContent()).toContain('index.html');

    const iframe = page.locator('iframe[sandbox]');
    const src = (await iframe.getAttribute('src')) ?? '';
    expect(new URL(src).origin).not.toBe(new URL(page.url()).origin);
    expect(await iframe.getAttribute('sandbox')).toBe('allow-scripts allow-forms allow-same-origin allow-popups');
    const app = page.frameLocator('iframe[sandbox]');
    await app.getByRole('textbox', { name: 'New task' }).fill('buy oat milk');
    await app.getByRole('button', { name: 'Add' }).click();
    await eventually(() => app.locator('li', { hasText: 'buy oat milk' }).count()).toBe(1);
    await eventually(() => page.getByTestId('cost').textContent()).toMatch(/Estimated cost: \$/);
    await screenshot(page, 'running-desktop');
    // The README's picture is refreshed on request only, so a test run leaves the work tree clean.
    if (process.env.SPAWN_UPDATE_SCREENSHOT === '1') await screenshot(page, 'readme', path.resolve(import.meta.dirname, '../../docs/screenshot.png'));
  });

  it('restores a session from the URL, counts down, extends and destroys it', async () => {
    const created = await createViaApi('a todo list for the countdown test');
    const page = await open();
    await page.goto(`/#/s/${created.id}`);
    await waitForState(page, 'running');
    const countdown = page.getByTestId('countdown');
    expect(await countdown.textContent()).toMatch(/^\d+:\d\d:\d\d$/);
    const before = Date.parse((await countdown.getAttribute('datetime')) ?? '');
    await page.getByRole('button', { name: /^Extend by/ }).click();
    await eventually(async () => Date.parse((await countdown.getAttribute('datetime')) ?? '')).toBeGreaterThan(before + 3_600_000);
    const hours = Number((await countdown.textContent())?.split(':')[0]);
    expect(hours).toBeGreaterThanOrEqual(3);
    await screenshot(page, 'extended');

    await page.getByRole('button', { name: 'Destroy now' }).click();
    await page.getByRole('button', { name: 'Yes, destroy it' }).click();
    await waitForState(page, 'destroyed', 30_000);
    expect(await page.locator('iframe[sandbox]').count()).toBe(0);
    await eventually(() => page.getByTestId('cost').textContent()).toMatch(/^Cost: \$/);
    await screenshot(page, 'destroyed');
  });

  it('refuses an empty or too long prompt with a message and creates nothing', async () => {
    const page = await open();
    const box = page.getByRole('textbox', { name: 'Describe the app you want' });
    await box.press('Enter');
    await eventually(() => page.getByRole('alert').filter({ hasText: 'Describe the app first.' }).count()).toBe(1);
    await box.fill('x'.repeat(config.maxPromptChars + 1));
    await eventually(() => page.getByTestId('char-counter').textContent()).toBe(`${config.maxPromptChars + 1} / ${config.maxPromptChars} characters`);
    await box.press('Enter');
    await eventually(() => page.getByRole('alert').filter({ hasText: 'too long' }).count()).toBe(1);
    expect(page.url()).not.toContain('#/s/');
    await screenshot(page, 'prompt-too-long');
  });

  it('resumes the progress after a reload during generation', async () => {
    const page = await open();
    const id = await createFromChat(page, 'a grocery shopping list');
    await page.reload();
    expect(page.url()).toContain(`#/s/${id}`);
    // Right after the reload the stream replays from the first event, so the bar never restarts at 0.
    await page.getByRole('progressbar').first().waitFor();
    expect(Number(await page.getByRole('progressbar').first().getAttribute('aria-valuenow'))).toBeGreaterThanOrEqual(10);
    await waitForState(page, 'running');
    await eventually(() => page.getByTestId('file-list').textContent()).toContain('index.html');
    expect(await page.locator(`nav a[href="#/s/${id}"]`).getAttribute('aria-current')).toBe('page');
  });

  it('works on a phone-sized screen', async () => {
    const page = await open({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await screenshot(page, 'phone-empty');
    await createFromChat(page, 'a todo list on my phone');
    await waitForState(page, 'running');
    const frame = await page.locator('iframe[sandbox]').boundingBox();
    expect(frame?.width).toBeGreaterThan(300);
    expect(frame?.width).toBeLessThanOrEqual(390);
    const overflowing = await page.evaluate(() =>
      [...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > window.innerWidth).map((el) => el.outerHTML.slice(0, 120)),
    );
    expect(overflowing).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'phone-running');
  });

  it('speaks French to a French browser and switches language on request', async () => {
    const page = await open({ locale: 'fr-FR' });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    await eventually(() => page.getByRole('button', { name: "Créer l'application" }).count()).toBe(1);
    await screenshot(page, 'french');
    await page.getByLabel('Langue').selectOption('en');
    await eventually(() => page.getByRole('button', { name: 'Create app' }).count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  });

  it('says when creating is allowed again after a 429', async () => {
    const page = await open();
    // The limiter's window is server config; answering one request here keeps other tests free of it.
    await page.route('**/api/sessions', (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({ status: 429, headers: { 'retry-after': '120' }, contentType: 'application/json', body: JSON.stringify({ error: { code: 'SESSION_RATE_LIMIT', message: 'too many' } }) })
        : route.fallback(),
    );
    await page.getByRole('textbox', { name: 'Describe the app you want' }).fill('anything');
    await page.getByRole('button', { name: 'Create app' }).click();
    await eventually(() => page.getByTestId('rate-limit').textContent()).toMatch(/again at \d\d:\d\d:\d\d/);
    expect(page.url()).not.toContain('#/s/');
  });

  it('installs as a PWA and opens offline from its service worker cache', async () => {
    const page = await open();
    const manifestHref = (await page.locator('link[rel="manifest"]').getAttribute('href')) ?? '';
    const manifest = (await (await fetch(new URL(manifestHref, baseUrl))).json()) as { name: string; icons: { src: string }[] };
    expect(manifest.name).toBe('SpawnAI');
    for (const icon of manifest.icons) expect((await fetch(new URL(icon.src, baseUrl))).headers.get('content-type')).toMatch(/^image\//);
    await eventually(() => page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state)).toBe('activated');
    await page.context().setOffline(true);
    await page.reload();
    await page.getByTestId('offline').waitFor();
    expect(await page.getByRole('button', { name: 'Create app' }).count()).toBe(1);
    await screenshot(page, 'offline');
    await page.context().setOffline(false);
  });
});
