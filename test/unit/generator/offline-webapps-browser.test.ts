import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { requireService } from '../../support/services.ts';
import { cleanupApps, startServer, template, writeApp } from './app-runner.ts';

// Clicks through every offline webapp in a real browser: the controls must actually work.
const available = requireService('chromium');
const ORIGIN = 'http://offline-app.test';

// Skipped only where Chromium is missing; requireService() fails the run in CI instead.
describe.skipIf(!available)('offline webapps in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await page?.context().close();
    await cleanupApps();
    expect(pageErrors, 'uncaught errors or network requests in the page').toEqual([]);
    pageErrors = [];
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ locale: 'en-US' });
    page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    return page;
  }

  /** Opens a template's index.html on its own origin (so localStorage works) and fails on page errors. */
  async function open(id: string, options: { fakeClock?: boolean } = {}): Promise<Page> {
    const p = await newPage();
    const context = p.context();
    const html = template(id).render('Test app').find((f) => f.path === 'index.html')?.content ?? '';
    await context.route(`${ORIGIN}/**`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }));
    // Anything else would be a network request a self-contained app must not make.
    await context.route((url) => !url.href.startsWith(ORIGIN), (route) => {
      pageErrors.push(`unexpected request ${route.request().url()}`);
      return route.abort();
    });
    if (options.fakeClock) await p.clock.install();
    await p.goto(`${ORIGIN}/`);
    return p;
  }

  it('todo list adds, toggles, filters, persists and deletes', async () => {
    const p = await open('todo-list');
    await p.fill('#text', 'Buy milk');
    await p.press('#text', 'Enter');
    await p.fill('#text', 'Walk the dog');
    await p.click('button[type=submit]');
    await expect.poll(() => p.locator('#items li').count()).toBe(2);
    await expect.poll(() => p.textContent('#left')).toBe('2 items left');
    await p.locator('#items li', { hasText: 'Buy milk' }).locator('input[type=checkbox]').check();
    await expect.poll(() => p.textContent('#left')).toBe('1 item left');
    await p.click('[data-filter=done]');
    expect(await p.locator('#items li').allTextContents()).toEqual([expect.stringContaining('Buy milk')]);
    await p.reload();
    await expect.poll(() => p.locator('#items li').count()).toBe(2);
    await p.getByRole('button', { name: 'Delete Walk the dog' }).click();
    await p.click('#clear');
    await expect.poll(() => p.locator('#items li').count()).toBe(0);
    expect(await p.isVisible('#empty')).toBe(true);
  });

  it('calculator computes chained operations from clicks and keys', async () => {
    const p = await open('calculator');
    const press = async (keys: string[]) => {
      for (const key of keys) await p.click(`[data-key="${key}"]`);
    };
    await press(['1', '2', '+', '7', '×', '2', '=']);
    expect(await p.textContent('#out')).toBe('38');
    await press(['C', '0', '.', '1', '+', '0', '.', '2', '=']);
    expect(await p.textContent('#out')).toBe('0.3');
    await press(['C', '5', '0', '%', '±']);
    expect(await p.textContent('#out')).toBe('-0.5');
    await press(['C', '5', '÷', '0', '=']);
    expect(await p.textContent('#out')).toBe('Error');
    await press(['C']);
    await p.keyboard.type('9/4=');
    expect(await p.textContent('#out')).toBe('2.25');
    await p.keyboard.type('*2');
    await p.keyboard.press('Enter');
    expect(await p.textContent('#out')).toBe('4.5');
  });

  it('pomodoro counts down, pauses, resets and keeps a task list', async () => {
    const p = await open('pomodoro', { fakeClock: true });
    expect(await p.textContent('#clock')).toBe('25:00');
    await p.click('#start');
    await p.clock.runFor(61_000);
    expect(await p.textContent('#clock')).toBe('23:59');
    await p.click('#start');
    expect(await p.textContent('#start')).toBe('Start');
    await p.clock.runFor(10_000);
    expect(await p.textContent('#clock')).toBe('23:59');
    await p.click('#reset');
    expect(await p.textContent('#clock')).toBe('25:00');
    await p.click('[data-mode=short]');
    expect(await p.textContent('#clock')).toBe('05:00');
    await p.fill('#task', 'Write report');
    await p.press('#task', 'Enter');
    await expect.poll(() => p.locator('#list li.current').count()).toBe(1);
    await p.click('[data-mode=focus]');
    await p.click('#start');
    await p.clock.runFor(25 * 60_000 + 1_000);
    expect(await p.textContent('#stats')).toBe('1 pomodoro completed');
    expect(await p.textContent('#list li')).toContain('×1');
    expect(await p.textContent('#clock')).toBe('05:00');
  });

  it('notes creates, edits, searches, persists and deletes', async () => {
    const p = await open('notes');
    p.on('dialog', (dialog) => void dialog.accept());
    await p.click('#new');
    await p.fill('#title', 'Ideas');
    await p.fill('#body', 'Learn the banjo');
    await p.click('#new');
    await p.fill('#title', 'Groceries');
    await p.reload();
    await expect.poll(() => p.locator('#list li').count()).toBe(2);
    await p.fill('#search', 'banjo');
    expect(await p.locator('#list li').allTextContents()).toEqual([expect.stringContaining('Ideas')]);
    await p.click('#list li');
    expect(await p.inputValue('#body')).toBe('Learn the banjo');
    await p.click('#delete');
    await p.fill('#search', '');
    expect(await p.locator('#list li').allTextContents()).toEqual([expect.stringContaining('Groceries')]);
  });

  it('quiz goes through ten questions to a score', async () => {
    const p = await open('quiz');
    for (let i = 0; i < 10; i++) {
      expect(await p.textContent('#count')).toBe(`Question ${i + 1} / 10`);
      await p.locator('#answers button').first().click();
      expect(await p.locator('#answers button.right').count()).toBe(1);
      await p.click('#next');
    }
    expect(await p.isVisible('#result')).toBe(true);
    expect(await p.textContent('#score')).toMatch(/^\d+ \/ 10$/);
    await p.click('#again');
    expect(await p.textContent('#count')).toBe('Question 1 / 10');
  });

  it('habit tracker ticks today and counts the streak', async () => {
    const p = await open('habit-tracker');
    await p.fill('#name', 'Read');
    await p.press('#name', 'Enter');
    await p.locator('#rows tr input[type=checkbox]').last().check();
    await expect.poll(() => p.textContent('.streak')).toBe('1 day');
    await p.locator('#rows tr input[type=checkbox]').nth(5).check();
    await expect.poll(() => p.textContent('.streak')).toBe('2 days');
    await p.getByRole('button', { name: 'Delete Read' }).click();
    expect(await p.locator('#rows tr').count()).toBe(0);
  });

  it('tip calculator splits the bill', async () => {
    const p = await open('tip-calculator');
    await p.fill('#bill', '100');
    await p.click('[data-tip="20"]');
    await p.fill('#people', '4');
    expect(await p.textContent('#tip')).toBe('20.00');
    expect(await p.textContent('#total')).toBe('120.00');
    expect(await p.textContent('#each')).toBe('30.00');
    await p.fill('#custom', '10');
    expect(await p.textContent('#each')).toBe('27.50');
  });

  it('notes-api and poll-api pages drive their own JSON API', async () => {
    const notesDir = await writeApp(template('notes-api').render('Notes'));
    const notes = await startServer(notesDir);
    await newPage();
    await page.goto(`${notes.base}/`);
    await page.fill('#text', 'Hello from the browser');
    await page.click('button[type=submit]');
    await expect.poll(() => page.textContent('#list')).toContain('Hello from the browser');
    expect(await (await fetch(`${notes.base}/api/notes`)).json()).toEqual([expect.objectContaining({ text: 'Hello from the browser' })]);
    await page.getByRole('button', { name: 'Delete note' }).click();
    await expect.poll(() => page.locator('#list li').count()).toBe(0);

    const pollDir = await writeApp(template('poll-api').render('Lunch'));
    const poll = await startServer(pollDir);
    await page.goto(`${poll.base}/`);
    await page.getByRole('button', { name: 'Yes' }).click();
    await expect.poll(() => page.textContent('#total')).toBe('1 vote');
    await page.fill('#label', 'Pizza');
    await page.press('#label', 'Enter');
    await page.getByRole('button', { name: 'Pizza' }).click();
    await expect.poll(() => page.textContent('#total')).toBe('2 votes');
  });
});
