import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FunctionView, TaskView } from '../../src/api-types.ts';
import { appReport, describeOnEachRuntime, reportingServer } from './support/security-harness.ts';

const SERVER = `require('node:http').createServer((q, r) => r.end('victim-ok')).listen(process.env.PORT);`;

/**
 * App-side JS: plants each `name → target` symlink (plus a directory holding a link to `/`) in
 * every writable place it finds, then reads every link back, so `planted` and `seen` say what the
 * sandbox itself can reach through them.
 */
function plantLinks(targets: Record<string, string>): string {
  return `
const fs = require('node:fs');
const pathMod = require('node:path');
const planted = [];
const seen = {};
for (const dir of [...new Set(['/app', process.cwd(), '/tmp', '/run/spawnai', process.env.HOME].filter(Boolean))]) {
  for (const [name, target] of Object.entries(${JSON.stringify(targets)})) {
    try { fs.symlinkSync(target, pathMod.join(dir, name)); planted.push(pathMod.join(dir, name)); } catch {}
  }
  try { fs.mkdirSync(pathMod.join(dir, 'nest')); fs.symlinkSync('/', pathMod.join(dir, 'nest', 'root')); planted.push(pathMod.join(dir, 'nest')); } catch {}
}
for (const p of planted) { try { seen[p] = fs.readFileSync(p, 'utf8').slice(0, 4000); } catch (e) { seen[p] = 'ERR ' + e.code; } }
`;
}

/** An archive's entry names and all its content, read back with the system's `unzip`. */
function unzipAll(zip: Buffer): { names: string[]; text: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spawnai-zip-'));
  try {
    const file = path.join(dir, 'app.zip');
    fs.writeFileSync(file, zip);
    const names = execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).split('\n').filter((l) => l !== '');
    return { names: names.sort(), text: execFileSync('unzip', ['-p', file], { encoding: 'utf8' }) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Class 11: links planted by an app, a script and a function never make the platform reach outside. */
describeOnEachRuntime('symlinks planted in a sandbox', (h) => {
  const tag = randomUUID();
  const canaryText = `CANARY-CONTENT-${randomUUID()}`;
  const canaryDir = path.join(os.tmpdir(), `symlink-canary-${tag}`);
  let canaryFile = '';
  let victim = { id: '', dir: '' };
  let hostPasswd = '';
  const targets: Record<string, string> = {};

  /** Nothing read from outside the sandbox: no canary, no planted secret, not the host's passwd file. */
  const expectNothingFromOutside = (text: string, where: string): void => {
    expect(text, where).not.toContain(canaryText);
    for (const secret of h.secrets) expect(text, where).not.toContain(secret);
    if (hostPasswd.length > 0) expect(text, where).not.toContain(hostPasswd);
  };
  /** Nothing outside the sandbox deleted or changed, and the other tenant still answers. */
  const expectOutsideIntact = async (): Promise<void> => {
    expect(fs.readFileSync(path.join(canaryDir, 'keep.txt'), 'utf8')).toBe(canaryText);
    expect(fs.readFileSync(canaryFile, 'utf8')).toBe(canaryText);
    expect(fs.existsSync(path.join(h.dataDir, '.env'))).toBe(true);
    expect(fs.readFileSync('/etc/passwd', 'utf8')).toBe(hostPasswd);
    if (h.runtime === 'process') expect(fs.existsSync(victim.dir), victim.dir).toBe(true);
    const page = await h.app(victim.id, '/');
    expect([page.status, page.text]).toEqual([200, 'victim-ok']);
  };

  beforeAll(async () => {
    fs.mkdirSync(canaryDir, { recursive: true });
    fs.writeFileSync(path.join(canaryDir, 'keep.txt'), canaryText);
    canaryFile = path.join(h.dataDir, `canary-${tag}.txt`);
    fs.writeFileSync(canaryFile, canaryText);
    hostPasswd = fs.readFileSync('/etc/passwd', 'utf8');
    const other = await h.deploy('api', { 'server.js': SERVER });
    expect(other.state, JSON.stringify(other.error)).toBe('running');
    const sandboxId = (await h.sandboxOf(other.id)) ?? 'none';
    victim = { id: other.id, dir: path.join(h.dataDir, 'sandboxes', sandboxId) };
    // Host paths: inside the sandbox they lead nowhere; a platform that followed them would not.
    Object.assign(targets, {
      passwd: '/etc/passwd',
      data: h.dataDir,
      'data-env': path.join(h.dataDir, '.env'),
      'canary-file': canaryFile,
      'canary-dir': canaryDir,
      'other-sandbox': victim.dir,
      'other-app': path.join(victim.dir, 'app'),
      'proc-root': '/proc/self/root',
      'loop-a': 'loop-b',
      'loop-b': 'loop-a',
      self: 'self',
      up: '../../../../../../..',
    });
  }, 120_000);
  afterAll(() => fs.rmSync(canaryDir, { recursive: true, force: true }));

  it('an app: its export, its stored files, destroy and the reaper stay inside', async () => {
    const files = { 'server.js': reportingServer(`${plantLinks(targets)}\nreport.planted = planted; report.seen = seen;`) };
    const [destroyed, reaped] = await Promise.all([h.deploy('api', files), h.deploy('api', files)]);
    for (const s of [destroyed, reaped]) {
      expect(s.state, JSON.stringify(s.error)).toBe('running');
      const report = await appReport<{ done: boolean; planted: string[]; seen: Record<string, string> }>(h, s.id);
      expect(report.planted.length, JSON.stringify(report)).toBeGreaterThan(10);
      expectNothingFromOutside(JSON.stringify(report), 'what the app reads through its links');
      const zip = await fetch(`${h.base}/api/sessions/${s.id}/export.zip`);
      expect(zip.status).toBe(200);
      const archive = unzipAll(Buffer.from(await zip.arrayBuffer()));
      expect(archive.names).toEqual(['server.js']);
      expectNothingFromOutside(archive.text, 'export.zip');
      const listed = await h.api<unknown>('GET', `/api/sessions/${s.id}/files`);
      expect(listed.status).toBe(200);
      expectNothingFromOutside(JSON.stringify(listed.body), 'stored files');
    }
    const sandboxDir = path.join(h.dataDir, 'sandboxes', (await h.sandboxOf(destroyed.id)) ?? 'none');
    if (h.runtime === 'process') {
      // The links are where the host works: destroy removes this very directory.
      expect(fs.lstatSync(path.join(sandboxDir, 'app', 'canary-dir')).isSymbolicLink()).toBe(true);
    }
    await h.destroy(destroyed.id);
    expect(fs.existsSync(sandboxDir)).toBe(false);
    await expectOutsideIntact();
    // The reaper: the session is gone from its point of view, the sandbox is an orphan.
    const reapedSandbox = await h.sandboxOf(reaped.id);
    await h.platform.sandboxes?.reap(async (sessionId) => sessionId !== reaped.id);
    expect((await h.platform.sandboxes?.list())?.map((s) => s.id)).not.toContain(reapedSandbox);
    await expectOutsideIntact();
    await h.destroy(reaped.id);
  });

  it('an app cannot swap the socket the proxy reaches it by for a link', async () => {
    // process runtime: the proxy connects to run/app.sock, and connect() follows links; once the
    // app answers, run/ is root's, so the swap fails (docker: no socket, the links go unused).
    // `connection: close`, so the proxy opens a new upstream connection each time.
    const swap = `const fs = require('node:fs');
const report = { tried: 0, swapped: 0 };
require('node:http').createServer((q, r) => { r.writeHead(200, { 'content-type': 'application/json', connection: 'close' }); r.end(JSON.stringify(report)); }).listen(Number(process.env.PORT));
for (const [i, target] of ['/etc/passwd', ${JSON.stringify(targets['data-env'])}, '/run/spawnai/loop', '/proc/self/root/etc/passwd'].entries()) {
  setTimeout(() => { report.tried = i + 1; try { fs.unlinkSync('/run/spawnai/app.sock'); fs.symlinkSync(target, '/run/spawnai/app.sock'); report.swapped++; } catch {} try { fs.symlinkSync('/run/spawnai/loop', '/run/spawnai/loop'); } catch {} }, 3000 + 500 * i);
}`;
    const s = await h.deploy('api', { 'server.js': swap });
    expect(s.state, JSON.stringify(s.error)).toBe('running');
    // Swaps are tried 3 s after start-up (once deployed), one every 500 ms: the requests span them all.
    let last = { tried: 0, swapped: 0 };
    for (let i = 0; i < 20; i++) {
      const page = await h.app(s.id, '/report');
      expect(page.status, page.text).toBe(200);
      expectNothingFromOutside(page.text, `proxied answer ${i}`);
      last = JSON.parse(page.text) as typeof last;
      await new Promise((r) => setTimeout(r, 300));
    }
    expect(last.tried).toBe(4);
    expect(last.swapped).toBe(0);
    await h.destroy(s.id);
    await expectOutsideIntact();
  });

  it('a script: its result page and its cleanup stay inside', async () => {
    const main = `${plantLinks(targets)}\nconsole.log(JSON.stringify({ planted, seen }));\n`;
    const s = await h.deploy('script', { 'main.js': main }, { until: ['running', 'failed'] });
    expect(s.state, JSON.stringify(s.error)).toBe('running');
    const page = await h.app(s.id, '/');
    expect(page.status).toBe(200);
    expect(page.text).toContain('planted');
    expectNothingFromOutside(page.text, 'script result page');
    const zip = await fetch(`${h.base}/api/sessions/${s.id}/export.zip`);
    const archive = unzipAll(Buffer.from(await zip.arrayBuffer()));
    expect(archive.names).toEqual(['main.js']);
    expectNothingFromOutside(archive.text, 'script export.zip');
    await h.destroy(s.id);
    await expectOutsideIntact();
  });

  it('a function: its outputs, and the reaping of its runtime, stay inside', async () => {
    const code = `module.exports.main = () => {${plantLinks(targets)}\nreturn { planted, seen };\n};\n`;
    const fn = await h.api<FunctionView>('POST', '/api/functions', { name: `links-${tag.slice(0, 8)}`, runtime: 'node', code });
    expect(fn.status, JSON.stringify(fn.body)).toBe(201);
    const task = await h.api<TaskView>('POST', `/api/functions/${fn.body.id}/execute`, { inputs: {}, wait: 60 });
    expect(task.status, JSON.stringify(task.body)).toBe(200);
    expect(task.body.state, JSON.stringify(task.body.error)).toBe('completed');
    expect((task.body.outputs as { planted: string[] }).planted.length).toBeGreaterThan(10);
    expectNothingFromOutside(JSON.stringify(task.body), 'function outputs');
    // A second call runs in the same warm runtime, over the links the first one left.
    const again = await h.api<TaskView>('POST', `/api/functions/${fn.body.id}/execute`, { inputs: { again: true }, wait: 60 });
    expect(again.body.state, JSON.stringify(again.body.error)).toBe('completed');
    expectNothingFromOutside(JSON.stringify(again.body), 'function outputs (warm)');
    await h.platform.sandboxes?.reap(async (sessionId) => !sessionId.startsWith('fn-'));
    await h.platform.functions.pool?.clear();
    await expectOutsideIntact();
  });
});
