import fs from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { CustomFetch } from 'openid-client';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.ts';
import { createLogger } from '../../src/log/index.ts';
import { createPlatform, type Platform } from '../../src/orchestrator/index.ts';
import { createSpawnServer, type SpawnServer } from '../../src/server/index.ts';
import { requireService } from '../support/services.ts';
import { launchChromium } from './support/browser.ts';
import { providerStore, signInEnv, startTestProvider, type TestProvider } from './support/oidc-test-provider.ts';

const hasChromium = requireService('chromium');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Rewrites the provider's token answers while set (forged ID tokens); the rest of the exchange is real. */
let tamper: ((body: Record<string, unknown>) => Record<string, unknown>) | null = null;
/** Runs just before SpawnAI redeems a code at the provider's token endpoint. */
let beforeToken: (() => void) | null = null;
const tamperingFetch: CustomFetch = async (url, init) => {
  if (url.endsWith('/token')) beforeToken?.();
  const res = await fetch(url, init as RequestInit);
  if (!tamper || !url.endsWith('/token') || !res.ok) return res;
  const body = tamper((await res.json()) as Record<string, unknown>);
  return new Response(JSON.stringify(body), { status: res.status, headers: { 'content-type': 'application/json' } });
};

// Skipped only where Chromium is missing; requireService() fails the run in CI instead.
describe.skipIf(!hasChromium)('sign-in with a real OpenID provider, in Chromium', () => {
  let provider: TestProvider;
  let platform: Platform;
  let server: SpawnServer;
  let browser: Browser;
  let base: string;
  let port: number;
  let dataDir: string;

  beforeAll(async () => {
    port = await freePort();
    base = `http://localhost:${port}`;
    provider = await startTestProvider(base);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spawnai-signin-'));
    const config = loadConfig({}, { ...signInEnv(base, dataDir, provider), SPAWN_MAX_ACTIVE_SESSIONS: '50', SPAWN_MAX_NEW_SESSIONS: '100' });
    platform = await createPlatform(config, createLogger(config.logLevel), { worker: true, env: {} });
    server = await createSpawnServer(platform, { signIn: { oidcFetch: tamperingFetch } });
    await server.listen();
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await platform?.close();
    await provider?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** A fresh browser profile that may reach loopback only (the provider's page imports a web font). */
  async function newContext(): Promise<BrowserContext> {
    const context = await browser.newContext({ locale: 'en-US' });
    context.setDefaultTimeout(15_000);
    await context.route(/.*/, (route) => {
      const host = new URL(route.request().url()).hostname;
      return host === '127.0.0.1' || host === 'localhost' || host.endsWith('.localhost') ? route.continue() : route.abort();
    });
    return context;
  }

  /** Walks the real redirect flow: SpawnAI → the provider's login (and consent) page → back. */
  async function signIn(page: Page, login: string, startUrl = `${base}/auth/login?returnTo=/api/me`): Promise<void> {
    await page.goto(startUrl);
    await page.waitForURL((u) => u.origin === provider.issuer);
    await page.fill('input[name=login]', login);
    await page.fill('input[name=password]', 'any password');
    await page.click('button[type=submit]');
    await page.waitForLoadState();
    if (new URL(page.url()).origin === provider.issuer) await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL((u) => u.origin !== provider.issuer);
  }

  async function me(page: Page): Promise<{ status: number; body: Record<string, unknown> }> {
    return page.evaluate(async (url) => {
      const res = await fetch(url);
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    }, `${base}/api/me`);
  }

  async function expectRefused(page: Page, url: string | null, pattern: RegExp): Promise<void> {
    const res = url ? await page.goto(url) : await page.waitForResponse((r) => r.url().includes('/auth/callback'));
    expect(res?.status()).toBe(400);
    expect(await res?.headerValue('x-spawnai-error')).toBe('SIGN_IN_FAILED');
    expect(await page.textContent('body')).toMatch(pattern);
    expect((await page.context().cookies(base)).some((c) => c.name === 'spawn_session')).toBe(false);
  }

  it('signs in through the provider: /api/me knows the user; the cookie is host-only, httpOnly, SameSite=Lax, never sent to an app origin', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await signIn(page, 'alice');
    expect(new URL(page.url()).pathname).toBe('/api/me');
    const answer = await me(page);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ user: { email: 'alice@acme.test', name: 'Test alice' }, via: 'cookie' });
    const orgs = answer.body.orgs as { id: string; role: string }[];
    expect(orgs).toEqual([expect.objectContaining({ role: 'owner' })]);
    expect(answer.body.currentOrgId).toBe(orgs[0]?.id);
    const cookie = (await context.cookies(base)).find((c) => c.name === 'spawn_session');
    expect(cookie).toMatchObject({ domain: 'localhost', httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(await context.cookies(`http://abcdefghijkl.localhost:${port}/`)).toEqual([]);
    await context.close();
  });

  it('refuses a forged state', async () => {
    const context = await newContext();
    const page = await context.newPage();
    // A sign-in started in this browser, and a callback that did not come from it (another state).
    await page.goto(`${base}/auth/login?returnTo=/api/me`);
    await page.waitForURL((u) => u.origin === provider.issuer);
    const forged = new URL(`${base}/auth/callback`);
    forged.search = new URLSearchParams({ code: 'a-code-for-someone-else', state: 'forged-state-value', iss: provider.issuer }).toString();
    await expectRefused(page, forged.href, /state/i);
    await context.close();
  });

  it('refuses an ID token with the wrong nonce, and one from another issuer', async () => {
    const forge = (claims: Record<string, unknown>, foreign: boolean) => (body: Record<string, unknown>) => {
      const now = Math.floor(Date.now() / 1000);
      const real = JSON.parse(Buffer.from(String(body.id_token).split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>;
      return { ...body, id_token: provider.signIdToken({ ...real, iat: now, exp: now + 300, ...claims }, foreign ? provider.foreignKey : undefined) };
    };
    for (const [claims, foreign, pattern] of [
      [{ nonce: 'not-the-nonce-we-sent' }, false, /nonce/i],
      [{ iss: 'http://127.0.0.1:9/another-issuer' }, true, /iss|issuer|signature|key/i],
    ] as const) {
      const context = await newContext();
      const page = await context.newPage();
      tamper = forge(claims, foreign);
      try {
        await page.goto(`${base}/auth/login?returnTo=/api/me`);
        await page.waitForURL((u) => u.origin === provider.issuer);
        await page.fill('input[name=login]', 'eve');
        await page.fill('input[name=password]', 'x');
        await page.click('button[type=submit]');
        await page.waitForLoadState();
        if (new URL(page.url()).origin === provider.issuer) await page.getByRole('button', { name: 'Continue' }).click();
        await page.waitForURL((u) => u.pathname === '/auth/callback');
        expect(await page.locator('[data-code], code').first().textContent()).toBe('SIGN_IN_FAILED');
        expect(await page.textContent('body')).toMatch(pattern);
        expect((await me(page)).status).toBe(401);
      } finally {
        tamper = null;
        await context.close();
      }
    }
  });

  it('refuses an expired authorization code', async () => {
    const context = await newContext();
    const page = await context.newPage();
    // The code reaches SpawnAI, but by the time it is redeemed the provider holds it as expired.
    let expired = 0;
    beforeToken = () => {
      for (const payload of providerStore.get('AuthorizationCode')?.values() ?? []) {
        payload.exp = Math.floor(Date.now() / 1000) - 60;
        expired += 1;
      }
    };
    try {
      const refused = expectRefused(page, null, /invalid_grant/i);
      await signIn(page, 'oscar').catch(() => undefined);
      await refused;
      expect(expired).toBeGreaterThan(0);
    } finally {
      beforeToken = null;
      await context.close();
    }
  });

  it('protects cookie-authenticated mutations against CSRF; signing out revokes the session on the server', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await signIn(page, 'carol');
    const post = (url: string, headers: Record<string, string>) =>
      page.evaluate(async ([u, h]) => {
        const res = await fetch(u as string, { method: 'PUT', headers: { 'content-type': 'application/json', ...(h as Record<string, string>) }, body: JSON.stringify({ orgId: 'nope' }) });
        return { status: res.status, body: (await res.json()) as { error?: { code: string } } };
      }, [url, headers] as const);
    const csrf = (await context.cookies(base)).find((c) => c.name === 'spawn_csrf')?.value ?? '';
    expect((await post(`${base}/api/me/org`, {})).body.error?.code).toBe('CSRF_REJECTED');
    expect((await post(`${base}/api/me/org`, { 'x-csrf-token': 'wrong' })).body.error?.code).toBe('CSRF_REJECTED');
    // With the token, the request gets through to the route (an org carol is not in: a plain 404).
    expect(await post(`${base}/api/me/org`, { 'x-csrf-token': csrf })).toMatchObject({ status: 404 });
    // The same cookie sent from elsewhere (a cross-site form or script) is refused on Origin alone.
    const session = (await context.cookies(base)).find((c) => c.name === 'spawn_session')?.value ?? '';
    const cookieHeader = `spawn_session=${session}; spawn_csrf=${csrf}`;
    const crossSite = await fetch(`${base}/api/me/org`, { method: 'PUT', headers: { cookie: cookieHeader, origin: 'http://evil.localhost:1', 'x-csrf-token': csrf, 'content-type': 'application/json' }, body: '{"orgId":"x"}' });
    expect(crossSite.status).toBe(403);
    const me = (await page.evaluate(async (u) => (await fetch(u)).json(), `${base}/api/me`)) as { user: { id: string }; currentOrgId: string };

    const out = await page.evaluate(async ([u, token]) => {
      const res = await fetch(u as string, { method: 'POST', headers: { 'x-csrf-token': token as string } });
      return (await res.json()) as { redirectTo: string };
    }, [`${base}/auth/logout`, csrf] as const);
    expect(out.redirectTo.startsWith(`${provider.issuer}/session/end`)).toBe(true);
    expect(new URL(out.redirectTo).searchParams.get('post_logout_redirect_uri')).toBe(`${base}/`);
    // The old cookie, replayed by hand, opens nothing: the session is revoked in the database.
    const replay = await fetch(`${base}/api/me`, { headers: { cookie: cookieHeader } });
    expect(replay.status).toBe(401);
    // Both ends of the browser session are in the audit log, with who, where from and with what.
    const audit = await platform.store.audit.list(me.currentOrgId, { actor: me.user.id, limit: 20 });
    const signedIn = audit.find((e) => e.action === 'auth.sign-in');
    expect(signedIn).toMatchObject({ actorId: me.user.id, actorVia: 'cookie', result: 'ok' });
    expect(signedIn?.userAgent).toBeTruthy();
    expect(audit.some((e) => e.action === 'auth.sign-out')).toBe(true);
    await context.close();
  });

  /** Creates an app as the signed-in user of `page` (cookie + CSRF token, as the web UI does), made private. */
  async function privateApp(page: Page): Promise<string> {
    const csrf = (await page.context().cookies(base)).find((c) => c.name === 'spawn_csrf')?.value ?? '';
    const created = await page.evaluate(async ([u, token]) => {
      const res = await fetch(u as string, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': token as string }, body: JSON.stringify({ prompt: 'a pomodoro timer', appType: 'webapp' }) });
      return { status: res.status, body: (await res.json()) as { id: string } };
    }, [`${base}/api/sessions`, csrf] as const);
    expect(created.status).toBe(201);
    const id = created.body.id;
    const until = Date.now() + 60_000;
    while ((await platform.store.sessions.get(id))?.state !== 'running') {
      if (Date.now() > until) throw new Error(`app ${id} did not start`);
      await new Promise((r) => setTimeout(r, 100));
    }
    await platform.store.sessions.update(id, { visibility: 'org' });
    return id;
  }

  it('private apps: anonymous → sign-in; member → app; another org → 403; an app cookie opens no sibling app', async () => {
    const owner = await newContext();
    const ownerPage = await owner.newPage();
    await signIn(ownerPage, 'dana');
    const [appA, appB] = [await privateApp(ownerPage), await privateApp(ownerPage)];
    const appUrl = (id: string) => `http://${id}.localhost:${port}/`;

    // The member opens it: through the control plane and back, with a cookie of the app's own.
    const res = await ownerPage.goto(appUrl(appA));
    expect(res?.status()).toBe(200);
    expect(new URL(ownerPage.url()).host).toBe(`${appA}.localhost:${port}`);
    const appCookies = await owner.cookies(appUrl(appA));
    expect(appCookies.map((c) => c.name)).toEqual(['spawn_app']);
    expect(appCookies[0]).toMatchObject({ domain: `${appA}.localhost`, httpOnly: true });
    expect(await owner.cookies(appUrl(appB))).toEqual([]);

    // Anonymous: sent to sign in (the provider's login page).
    const anonymous = await newContext();
    const anonPage = await anonymous.newPage();
    await anonPage.goto(appUrl(appA));
    expect(new URL(anonPage.url()).origin).toBe(provider.issuer);

    // App A's cookie, planted on app B's host, does not open B.
    const thief = await newContext();
    await thief.addCookies([{ name: 'spawn_app', value: appCookies[0]?.value ?? '', domain: `${appB}.localhost`, path: '/' }]);
    const thiefPage = await thief.newPage();
    await thiefPage.goto(appUrl(appB));
    expect(new URL(thiefPage.url()).origin).toBe(provider.issuer);
    // …while on app A itself it does (the check is per app, not per cookie name).
    await thief.addCookies([{ name: 'spawn_app', value: appCookies[0]?.value ?? '', domain: `${appA}.localhost`, path: '/' }]);
    expect((await thiefPage.goto(appUrl(appA)))?.status()).toBe(200);

    // Someone of another organisation: signed in, refused with a 403 page.
    const stranger = await newContext();
    const strangerPage = await stranger.newPage();
    await signIn(strangerPage, 'erin');
    const refused = await strangerPage.goto(appUrl(appA));
    expect(refused?.status()).toBe(403);
    expect(await refused?.headerValue('x-spawnai-error')).toBe('APP_ACCESS_DENIED');
    expect(await stranger.cookies(appUrl(appA))).toEqual([]);

    // Signing out ends the app's cookie too (it is tied to the browser session): the app now
    // sends the browser back through the control plane instead of serving it.
    expect((await owner.request.get(appUrl(appA), { maxRedirects: 0 })).status()).toBe(200);
    const csrf = (await owner.cookies(base)).find((c) => c.name === 'spawn_csrf')?.value ?? '';
    await ownerPage.goto(`${base}/api/me`);
    const status = await ownerPage.evaluate(async ([u, token]) => (await fetch(u as string, { method: 'POST', headers: { 'x-csrf-token': token as string } })).status, [`${base}/auth/logout`, csrf] as const);
    expect(status).toBe(200);
    const after = await owner.request.get(appUrl(appA), { maxRedirects: 0 });
    expect(after.status()).toBe(302);
    expect(after.headers().location).toMatch(new RegExp(`^${base}/auth/app\\?app=${appA}`));
    for (const c of [owner, anonymous, thief, stranger]) await c.close();
  });
});
