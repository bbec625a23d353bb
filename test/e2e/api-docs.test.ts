import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { requireService } from '../support/services.ts';
import { launchChromium, screenshot } from './support/browser.ts';
import { startSpawnServer, type RunningServer } from './support/spawn-server.ts';

const available = requireService('chromium');

// Skipped only where Chromium is missing; requireService() fails the run in CI instead.
describe.skipIf(!available)('API reference page in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const requested: string[] = [];

  beforeAll(async () => {
    server = await startSpawnServer();
    browser = await launchChromium();
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
    page.on('request', (request) => {
      requested.push(request.url());
    });
  });
  afterAll(async () => {
    if (page && !page.isClosed()) await screenshot(page, 'api-docs').catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('renders every operation of the generated document, from this server only', async () => {
    await page.goto(`${server.baseUrl}/docs`);
    await expect.poll(() => page.locator('.opblock').count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(30);
    await expect(page.locator('.info .title').first().innerText()).resolves.toContain('SpawnAI API');
    const summaries = await page.locator('.opblock-summary').allInnerTexts();
    const spec = (await (await fetch(`${server.baseUrl}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    for (const [path, ops] of Object.entries(spec.paths)) {
      for (const method of Object.keys(ops)) {
        expect(
          summaries.some((s) => s.includes(method.toUpperCase()) && s.replace(/\u200b/g, '').includes(path)),
          `${method.toUpperCase()} ${path} is not shown`,
        ).toBe(true);
      }
    }
    expect(requested.length).toBeGreaterThan(0);
    expect(requested.filter((url) => !url.startsWith(server.baseUrl) && !url.startsWith('data:'))).toEqual([]);
  });

  it('opens an operation with its error answers and their codes', async () => {
    const create = page.locator('.opblock-post', { hasText: '/api/sessions' }).filter({ hasNotText: '/api/sessions/' }).first();
    await create.locator('.opblock-summary').click();
    const responses = create.locator('.responses-table');
    await expect.poll(() => responses.innerText()).toContain('INVALID_APP_TYPE');
    const text = await responses.innerText();
    for (const status of ['201', '400', '401', '413', '415', '429']) expect(text).toContain(status);
  });
});
