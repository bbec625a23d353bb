import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

export const ARTIFACTS_DIR = path.resolve(import.meta.dirname, '../../../test-artifacts');

/**
 * Debian's Chromium, never a downloaded browser. Its build blocks third-party storage by default
 * (TrackingProtection3pcd), and on a local install the UI (127.0.0.1) and each app
 * (<id>.localhost) are different sites, so an app's localStorage would throw inside the preview.
 * Chrome's default profile allows it, and a deployment with one registrable domain for UI and apps
 * is same-site; the flag makes this browser behave like those.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    timeout: 30_000,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-features=TrackingProtection3pcd'],
  });
}

export async function openPage(browser: Browser, baseUrl: string, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl, locale: 'en-US', viewport: { width: 1280, height: 800 }, ...options });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  await page.goto('/');
  return page;
}

export async function screenshot(page: Page, name: string, file = path.join(ARTIFACTS_DIR, `${name}.png`)): Promise<void> {
  mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file });
}

/** Types a prompt in the chat box and sends it with Enter; resolves to the new session's id. */
export async function createFromChat(page: Page, prompt: string): Promise<string> {
  const box = page.getByRole('textbox', { name: /describe|décrivez/i });
  await box.fill(prompt);
  await box.press('Enter');
  await page.waitForURL(/#\/s\/.+/);
  return decodeURIComponent(new URL(page.url()).hash.replace('#/s/', ''));
}

export async function waitForState(page: Page, state: string, timeoutMs = 60_000): Promise<void> {
  await page.locator(`[data-testid="session-state"][data-state="${state}"]`).waitFor({ timeout: timeoutMs });
}
