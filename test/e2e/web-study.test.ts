import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { FunctionView, StudyView } from '../../src/api-types.ts';
import { requireService } from '../support/services.ts';
import { launchChromium, openPage, screenshot } from './support/browser.ts';
import { buildWebUi, startSpawnServer, type RunningServer } from './support/spawn-server.ts';

const available = requireService('chromium');
const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 30_000 });

/** x*x + y, and a failure at x = 3 (a red point and a red cell). Leaves an SVG plot under ./outputs/. */
const PY_SQUARE = `def main(inputs):
    x, y = inputs["x"], inputs.get("y", 0)
    if x == 3:
        raise ValueError("no threes")
    with open("outputs/plot.svg", "w") as f:
        f.write('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="%d" fill="blue"/></svg>' % (x * 5 + 1))
    return {"square": x * x + y, "nested": {"half": x / 2}}
`;

// Skipped only where Chromium is missing; requireService() fails the run in CI instead.
describe.skipIf(!available)('study charts and function plots in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const api = async <T>(method: string, route: string, body?: unknown): Promise<T> => {
    const res = await fetch(server.baseUrl + route, { method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });
    expect(res.status, route).toBeLessThan(300);
    return (await res.json()) as T;
  };

  beforeAll(async () => {
    await buildWebUi();
    server = await startSpawnServer({ SPAWN_RUNTIME: 'process' });
    browser = await launchChromium();
    page = await openPage(browser, server.baseUrl);
  });

  afterAll(async () => {
    await page?.context().close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('charts an output against one parameter (failures in red), then as a heat map over two', async () => {
    const fn = await api<FunctionView>('POST', '/api/functions', { name: `square-${randomUUID()}`, runtime: 'python', code: PY_SQUARE });
    const study = await api<StudyView>('POST', '/api/studies', { functionId: fn.id, parameters: { x: [0, 1, 2, 3, 4, 5], y: [0, 10] } });
    await page.goto(`/#/studies/${study.id}`);
    await eventually(() => page.getByTestId('study').getAttribute('data-state')).toBe('completed');
    await expect.poll(() => page.getByTestId('study-progress').textContent()).toMatch(/12 of 12 runs done, 2 failed/);
    const chart = page.getByTestId('study-chart');
    expect(await chart.getAttribute('data-points')).toBe('10');
    // recharts drew the completed points and the failed ones (a separate, red series).
    await eventually(() => chart.locator('.recharts-scatter-symbol').count()).toBe(12);
    expect(await chart.locator('path[fill="#dc2626"]').count()).toBe(2);
    expect(await page.getByTestId('study-field').locator('option').allTextContents()).toEqual(['square', 'nested.half']);
    expect(await page.getByTestId('study-table').locator('tbody tr').count()).toBe(12);
    await screenshot(page, 'study-line');

    await page.getByTestId('study-y').selectOption('y');
    const heat = page.getByTestId('study-heatmap');
    await eventually(() => heat.locator('rect').count()).toBe(12);
    expect(await heat.getAttribute('data-cells')).toBe('10');
    expect(await heat.locator('rect[data-state="failed"]').count()).toBe(2);
    await screenshot(page, 'study-heatmap');
  });

  it('shows the SVG a function wrote under ./outputs/ next to its outputs', async () => {
    const fn = await api<FunctionView>('POST', '/api/functions', { name: `plot-${randomUUID()}`, runtime: 'python', code: PY_SQUARE });
    await page.goto('/#/functions');
    const card = page.locator(`[data-function-id="${fn.id}"]`);
    await card.getByRole('textbox').fill('{"x": 2}');
    await card.getByRole('button', { name: 'Run' }).click();
    await eventually(() => card.getByTestId('task-result').getAttribute('data-state')).toBe('completed');
    const img = card.getByTestId('task-files').getByRole('img', { name: 'plot.svg' });
    await eventually(() => img.evaluate((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth)).toBe(40);
  });
});
