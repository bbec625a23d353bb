import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/log/index.ts';
import { TEMPLATES } from '../../../src/generator/offline/templates/index.ts';
import { contentTypeFor } from '../../../src/proxy/content-type.ts';
import type { AppFile } from '../../../src/runtime/index.ts';
import { createVerifier, type AppVerifier } from '../../../src/verify/index.ts';
import { requireService } from '../../support/services.ts';
import { freePort } from '../../support/spawn-node.ts';

const available = requireService('chromium');

/** Answers the page's requests from the template's files, as the proxy serves a web app's. */
function serveFiles(files: AppFile[]) {
  return async ({ path: p }: { path: string }) => {
    const wanted = p === '/' ? 'index.html' : decodeURIComponent(p.split('?')[0] ?? '').replace(/^\//, '');
    const file = files.find((f) => f.path === wanted);
    if (!file) return { status: 404, headers: { 'content-type': 'text/plain' }, body: Buffer.from('not found') };
    return { status: 200, headers: { 'content-type': contentTypeFor(file.path) }, body: Buffer.from(file.content) };
  };
}

/** An api template's server.js on a free port (plain node:http, our own code: no sandbox needed here). */
async function startApi(files: AppFile[]): Promise<{ url: string; stop(): void }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'spawnai-template-'));
  for (const f of files) {
    mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
    writeFileSync(path.join(dir, f.path), f.content);
  }
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['server.js'], { cwd: dir, env: { PATH: process.env.PATH ?? '', PORT: String(port) }, stdio: 'ignore' });
  const url = `http://template-api.localhost:${port}/`;
  for (let i = 0; i < 100; i++) {
    if (await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return { url, stop: () => (child.kill(), rmSync(dir, { recursive: true, force: true })) };
}

// The promise: with no model configured, what people get works on screen.
// Skipped only where Chromium is missing; requireService() fails the run in CI instead.
describe.skipIf(!available)('every offline template passes browser verification', () => {
  let verifier: AppVerifier;
  beforeAll(() => {
    verifier = createVerifier('browser', createLogger('warn'));
  });
  afterAll(() => verifier.close());

  for (const template of TEMPLATES.filter((t) => t.appType === 'webapp')) {
    it(`web app: ${template.id}`, async () => {
      const files = template.render('A test app');
      const result = await verifier.verify({ url: `http://${template.id}.localhost/`, kind: 'page', serve: serveFiles(files) });
      expect(result.problems).toEqual([]);
    });
  }

  for (const template of TEMPLATES.filter((t) => t.appType === 'api')) {
    it(`api app: ${template.id}`, async () => {
      const api = await startApi(template.render('A test api'));
      try {
        const result = await verifier.verify({ url: api.url, kind: 'api' });
        expect(result.problems).toEqual([]);
      } finally {
        api.stop();
      }
    });
  }
});
