import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionList, SessionView } from '../../src/api-types.ts';
import { launchChromium } from '../e2e/support/browser.ts';
import { requireService } from '../support/services.ts';
import { RUNTIMES, startSecurityHarness, type SecurityHarness, START_TIMEOUT_MS } from './support/security-harness.ts';

const hasChromium = requireService('chromium');

/** A page whose script tries to read and write the control-plane API from the app's origin. */
function attackPage(apiBase: string): string {
  return `<!doctype html><html><head><title>attack</title></head><body><script>
(async () => {
  const out = {};
  const api = ${JSON.stringify(apiBase)} + '/api/sessions';
  const body = JSON.stringify({ prompt: 'cross-origin write', appType: 'webapp' });
  try { out.read = 'READ ' + (await (await fetch(api)).text()).slice(0, 100); } catch (e) { out.read = 'BLOCKED ' + e.name; }
  try { out.json = 'STATUS ' + (await fetch(api, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).status; } catch (e) { out.json = 'BLOCKED ' + e.name; }
  try { out.simple = 'SENT ' + (await fetch(api, { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body })).type; } catch (e) { out.simple = 'BLOCKED ' + e.name; }
  try { out.cookies = document.cookie; } catch (e) { out.cookies = 'BLOCKED'; }
  document.body.setAttribute('data-result', JSON.stringify(out));
  document.title = 'done';
})();
</script></body></html>`;
}

/** Class 7: preview-URL attacks never reach the control plane, and an app page cannot use the API. */
for (const runtime of RUNTIMES) {
  // Skipped only where this runtime cannot run here; requireService() fails the run in CI instead.
  describe.skipIf(!runtime.available)(`preview-URL attacks [${runtime.name}]`, () => {
    let h: SecurityHarness;
    let web: SessionView;
    let api: SessionView;
    const webToken = `WEB-${randomUUID()}`;
    const apiToken = `API-${randomUUID()}`;
    beforeAll(async () => {
      h = await startSecurityHarness(runtime.name);
      [web, api] = await Promise.all([
        h.deploy('webapp', {
          'index.html': `<!doctype html><html><head><title>w</title></head><body>${webToken}</body></html>`,
        }),
        h.deploy('api', {
          'server.js': `require('node:http').createServer((q, r) => r.end('${apiToken} ' + q.url)).listen(process.env.PORT);`,
        }),
      ]);
      expect([web.state, api.state]).toEqual(['running', 'running']);
    }, START_TIMEOUT_MS);
    afterAll(async () => {
      await h?.close();
    });

    const leaksControlPlane = (text: string): boolean => /"sessions"|"nextCursor"|"maxPromptChars"|spawnai_sessions/.test(text);

    it('answers unknown and malformed app ids with the 404 page', async () => {
      const port = h.port;
      for (const host of [
        `a${'b'.repeat(25)}.localhost:${port}`,
        `not-an-id.localhost:${port}`,
        `a.b.localhost:${port}`,
        `evil@${web.id}.localhost:${port}`,
        `.localhost:${port}`,
      ]) {
        const res = await h.app('', '/api/sessions', { host });
        expect(res.status, host).toBe(404);
        expect(res.headers['content-type'], host).toMatch(/text\/html/);
        expect(res.headers['x-spawnai-error'], host).toBe('APP_NOT_FOUND');
        expect(leaksControlPlane(res.text), host).toBe(false);
      }
    });

    it('Host tricks never reach the API and the control plane never serves an app', async () => {
      const port = h.port;
      const forbidden = [`localhost.evil:${port}`, `evil.example:${port}`, `${web.id}.localhost.evil`, `127.0.0.1.nip.io:${port}`];
      for (const host of forbidden) {
        const res = await h.app('', '/api/sessions', { host });
        expect(res.status, `DNS-rebinding style Host ${host}`).toBe(403);
        expect(leaksControlPlane(res.text), host).toBe(false);
      }
      for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, `LOCALHOST.:${port}`]) {
        expect((await h.app('', '/api/sessions', { host })).status, `${host} is the control plane`).toBe(200);
      }
      // Absolute-form targets: the Host header decides, and the app space only ever serves apps.
      for (const target of [`http://localhost:${port}/api/sessions`, `http://127.0.0.1:${port}/metrics`]) {
        const viaWeb = await h.app(web.id, target);
        expect(leaksControlPlane(viaWeb.text), target).toBe(false);
        const viaApi = await h.app(api.id, target);
        expect(viaApi.text.startsWith(apiToken) || viaApi.status === 404, target).toBe(true);
        expect(leaksControlPlane(viaApi.text), target).toBe(false);
      }
      // The control plane's name with a path (or an absolute-form target) naming an app.
      for (const target of [
        `/${web.id}/`,
        `/apps/${web.id}/index.html`,
        `/api/sessions/${web.id}/../../${web.id}/`,
        `http://${web.id}.localhost:${port}/`,
        `http://${api.id}.localhost:${port}/`,
      ]) {
        const res = await h.app('', target, { host: `127.0.0.1:${port}` });
        expect(res.text, target).not.toContain(webToken);
        expect(res.text, target).not.toContain(apiToken);
      }
      const forwarded = await fetch(`${h.base}/`, {
        headers: { 'x-forwarded-host': `${web.id}.localhost:${port}` },
      });
      expect(await forwarded.text()).not.toContain(webToken);
    });

    it('grants no CORS, refuses simple cross-origin writes and sets no cookies', async () => {
      const origin = `http://${web.id}.localhost:${h.port}`;
      const before = (await h.api<SessionList>('GET', '/api/sessions?limit=100')).body.sessions.length;
      const preflight = await fetch(`${h.base}/api/sessions`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
      expect(preflight.status).not.toBe(204);
      const read = await fetch(`${h.base}/api/sessions`, {
        headers: { origin },
      });
      expect(read.headers.get('access-control-allow-origin')).toBeNull();
      const body = JSON.stringify({
        prompt: 'cross-origin write',
        appType: 'webapp',
      });
      for (const type of ['text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
        const res = await fetch(`${h.base}/api/sessions`, {
          method: 'POST',
          headers: { origin, 'content-type': type },
          body,
        });
        expect(res.status, type).toBe(415);
        expect(res.headers.get('access-control-allow-origin')).toBeNull();
      }
      expect((await h.api<SessionList>('GET', '/api/sessions?limit=100')).body.sessions.length).toBe(before);
      for (const route of ['/', '/api/config', '/api/sessions', '/healthz']) {
        expect((await fetch(`${h.base}${route}`)).headers.get('set-cookie'), route).toBeNull();
      }
    });

    it("an app's cookies stay host-only: every Domain attribute is dropped by the proxy", async () => {
      const cookies = ['plain=1; Path=/', 'wide=2; Domain=localhost; Path=/', 'dotted=3; path=/; domain=.localhost', 'twice=4; Domain=example.com; HttpOnly; DOMAIN = localhost'];
      const app = await h.deploy('api', {
        'server.js': `require('node:http').createServer((q, r) => { r.setHeader('set-cookie', ${JSON.stringify(cookies)}); r.end('ok'); }).listen(process.env.PORT);`,
      });
      expect(app.state, JSON.stringify(app.error)).toBe('running');
      const res = await h.app(app.id, '/');
      expect(res.status).toBe(200);
      expect(res.headers['set-cookie']).toEqual(['plain=1; Path=/', 'wide=2; Path=/', 'dotted=3; path=/', 'twice=4; HttpOnly']);
      await h.destroy(app.id);
    });

    // Browser behaviour does not depend on the runtime (a webapp runs in no sandbox): run it once,
    // so it is skipped (by design) on the docker pass; skipped for a missing Chromium only outside CI,
    // where requireService() fails the run instead.
    it.skipIf(!hasChromium || runtime.name !== 'process')('in Chromium, an app page can neither read nor write the API', async () => {
      const before = (await h.api<SessionList>('GET', '/api/sessions?limit=100')).body.sessions.length;
      const attack = await h.deploy('webapp', {
        'index.html': attackPage(`http://localhost:${h.port}`),
      });
      expect(attack.state, JSON.stringify(attack.error)).toBe('running');
      const browser = await launchChromium();
      try {
        const page = await browser.newPage();
        await page.goto(`http://${attack.id}.localhost:${h.port}/`);
        await page.waitForFunction(() => document.title === 'done', undefined, { timeout: 15_000 });
        const result = JSON.parse((await page.getAttribute('body', 'data-result')) ?? '{}') as Record<string, string>;
        expect(result.read, JSON.stringify(result)).toMatch(/^BLOCKED/);
        expect(result.json, JSON.stringify(result)).toMatch(/^BLOCKED/);
        expect(result.cookies).toBe('');
      } finally {
        await browser.close();
      }
      const after = (await h.api<SessionList>('GET', '/api/sessions?limit=100')).body.sessions;
      expect(after.length, 'no session was created from the page').toBe(before + 1);
      expect(after.some((s) => s.prompt === 'cross-origin write')).toBe(false);
    });
  });
}
