import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { FakeOpenAI } from '../fakes/fake-openai.ts';
import { requireService } from '../support/services.ts';
import { freePort } from '../support/spawn-node.ts';
import { createFromChat, waitForState } from './support/browser.ts';
import { nssHomeTrusting, startCaddy, type RunningCaddy } from './support/caddy.ts';
import { buildWebUi, startSpawnServer, type RunningServer } from './support/spawn-server.ts';

const available = requireService('chromium') && requireService('caddy') && requireService('certutil');
const CONTROL = 'spawn.test';
const APPS = 'apps.spawn.test';
const TODO_PAGE = '<!doctype html><html><head><title>Todo list</title></head><body><h1>Todo list</h1><ul></ul></body></html>';
// An api app with a WebSocket echo (the curated `ws` package), to be used over wss:// through Caddy.
const ECHO_SERVER = [
  "const http = require('node:http');",
  "const { WebSocketServer } = require('ws');",
  "const server = http.createServer((req, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end('<!doctype html><title>Echo</title><h1>Echo</h1>'); });",
  "new WebSocketServer({ server }).on('connection', (ws) => ws.on('message', (m) => ws.send('echo:' + m)));",
  'server.listen(process.env.PORT);',
].join('\n');

/** The SAN list Chromium saw for a navigation, from the DevTools protocol (Playwright exposes only the CN). */
async function certificateNames(page: Page, url: string): Promise<{ status: number; names: string[]; headers: Record<string, string> }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const seen = new Promise<string[]>((resolve) =>
    cdp.on('Network.responseReceived', (e) => {
      if (e.type === 'Document') resolve(e.response.securityDetails?.sanList ?? []);
    }),
  );
  const res = await gotoSteady(page, url);
  return { status: res?.status() ?? 0, names: await seen, headers: res?.headers() ?? {} };
}

/**
 * `page.goto`, again when Chromium aborts it with ERR_NETWORK_CHANGED: other suites running beside
 * this one create and remove Docker networks, and Chromium drops navigations in flight whenever the
 * host's interfaces change. That is the test machine, not what is tested; anything else fails.
 */
async function gotoSteady(page: Page, url: string): ReturnType<Page['goto']> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await page.goto(url);
    } catch (err) {
      if (attempt >= 3 || !/ERR_NETWORK_CHANGED/.test((err as Error).message)) throw err;
    }
  }
}

/**
 * HTTPS for real in a browser: Caddy (the shipped Caddyfile, internal CA, on-demand TLS asking
 * SpawnAI's /tls/ask) in front of `spawnai up`; Chromium trusts that CA through its NSS database
 * (never a blanket certificate-error ignore) and resolves *.spawn.test to loopback.
 */
// Skipped only where Chromium, Caddy or certutil is missing; requireService() fails the run in CI instead.
describe.skipIf(!available)('HTTPS through Caddy in Chromium', () => {
  let server: RunningServer;
  let fake: FakeOpenAI;
  let caddy: RunningCaddy;
  let nss: ReturnType<typeof nssHomeTrusting>;
  let browser: Browser;
  let context: BrowserContext;
  let origin: string;

  beforeAll(async () => {
    await buildWebUi();
    const [httpPort, httpsPort] = [await freePort(), await freePort()];
    origin = `https://${CONTROL}:${httpsPort}`;
    fake = await FakeOpenAI.start();
    server = await startSpawnServer({ SPAWN_PUBLIC_URL: origin, SPAWN_APPS_DOMAIN: APPS, SPAWN_MODELS: 'openai:gpt-4.1', OPENAI_API_KEY: 'test-openai', OPENAI_BASE_URL: fake.baseURL, SPAWN_CACHE: 'off' });
    caddy = await startCaddy({ upstream: new URL(server.baseUrl).host, controlHost: CONTROL, appsDomain: APPS, httpPort, httpsPort });
    nss = nssHomeTrusting(caddy.rootCaFile);
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      env: { ...process.env, HOME: nss.home },
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', `--host-resolver-rules=MAP *.${CONTROL} 127.0.0.1, MAP ${CONTROL} 127.0.0.1`],
    });
    context = await browser.newContext({ locale: 'en-US' });
    context.setDefaultTimeout(20_000);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await caddy?.stop();
    await server?.stop();
    await fake?.close();
    nss?.remove();
  });

  it('serves the UI and each app on HTTPS, with a certificate naming the app host, and no certificate for unknown hosts', async () => {
    fake.script({ text: `A todo list.\n<file path="index.html">\n${TODO_PAGE}\n</file>` });
    const page = await context.newPage();
    const ui = await certificateNames(page, `${origin}/`);
    expect(ui.status).toBe(200);
    expect(ui.names).toEqual([CONTROL]);
    expect(ui.headers['strict-transport-security'], 'HSTS, from the Caddyfile').toBe('max-age=31536000');
    const id = await createFromChat(page, 'a todo list');
    await waitForState(page, 'running');
    const session = (await (await fetch(`${server.baseUrl}/api/sessions/${id}`)).json()) as { appUrl: string };
    expect(session.appUrl).toBe(`https://${id}.${APPS}:${caddy.httpsPort}/`);

    const appPage = await context.newPage();
    const app = await certificateNames(appPage, session.appUrl);
    expect(app.status).toBe(200);
    expect(app.names).toEqual([`${id}.${APPS}`]);
    expect(await appPage.title()).toMatch(/todo/i);

    // /tls/ask says no, so Caddy has no certificate to offer and the handshake fails.
    const unknown = await context.newPage();
    await expect(unknown.goto(`https://${'a'.repeat(26)}.${APPS}:${caddy.httpsPort}/`)).rejects.toThrow(/ERR_SSL|ERR_CONNECTION|ERR_CERT/);
    await expect(unknown.goto(`https://evil.${CONTROL}:${caddy.httpsPort}/`)).rejects.toThrow(/ERR_SSL|ERR_CONNECTION|ERR_CERT/);

    // The app's certificate was issued while it lived; once destroyed, its host serves the 410 page.
    expect((await fetch(`${server.baseUrl}/api/sessions/${id}`, { method: 'DELETE' })).status).toBe(202);
    fake.assertNoUnexpected();
    await expect.poll(async () => ((await (await fetch(`${server.baseUrl}/api/sessions/${id}`)).json()) as { state: string }).state, { timeout: 15_000 }).toBe('destroyed');
    // The proxy may answer from its one-second routing cache right after the destroy.
    await expect.poll(async () => (await appPage.reload())?.status(), { timeout: 10_000, interval: 300 }).toBe(410);
    expect(await appPage.locator('h1').textContent()).toMatch(/expired/i);
  });

  it('carries a WebSocket api app over wss://', async () => {
    fake.script({ text: `An echo server.\n<file path="server.js">\n${ECHO_SERVER}\n</file>` });
    const created = await fetch(`${server.baseUrl}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ prompt: 'a websocket echo server', appType: 'api' }) });
    const { id } = (await created.json()) as { id: string };
    const state = async () => (await (await fetch(`${server.baseUrl}/api/sessions/${id}`)).json()) as { state: string };
    await expect.poll(async () => (await state()).state, { timeout: 45_000 }).toMatch(/running|failed/);
    expect(await state()).toMatchObject({ state: 'running' });
    const page = await context.newPage();
    expect((await gotoSteady(page, `https://${id}.${APPS}:${caddy.httpsPort}/`))?.status()).toBe(200);
    const echoed = await page.evaluate(
      () =>
        new Promise<string>((resolve, reject) => {
          const ws = new WebSocket(`wss://${location.host}/`);
          ws.onopen = () => ws.send('ping');
          ws.onmessage = (e) => resolve(String(e.data));
          ws.onerror = () => reject(new Error('websocket failed'));
        }),
    );
    expect(echoed).toBe('echo:ping');
    fake.assertNoUnexpected();
    await fetch(`${server.baseUrl}/api/sessions/${id}`, { method: 'DELETE' });
  }, 90_000);
});
