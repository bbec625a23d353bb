import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  LAUNCHER_ARGV,
  LAUNCHER_LISTENING,
  LAUNCHER_STDIN_ARGV,
  launchMessage,
  launcherEnv,
  launcherStdinConfig,
  newLauncherToken,
  startThroughLauncher,
} from '../../../src/runtime/launcher/launcher-client.ts';

const children: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A launcher as a plain child (the sandboxing is the drivers' and their suites' business). */
async function launcher(app: string) {
  const dir = mkdtempSync(join(tmpdir(), 'spawnai-launcher-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'server.js'), app);
  const port = await new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const free = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(free));
    });
  });
  const token = newLauncherToken();
  const control = join(dir, 'control.sock');
  let output = '';
  const child = spawn(process.execPath, [...LAUNCHER_ARGV], { cwd: dir, env: { PATH: process.env.PATH ?? '', PORT: String(port), ...launcherEnv(control, token, { forward: join(dir, 'app.sock') }) }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  children.push(child);
  return { dir, port, token, control, child, output: () => output };
}

/** Reports its environment and whatever its stdin still holds (an error once the launcher closed it). */
const STDIN_APP = `let stdin; try { stdin = require('fs').readFileSync(0, 'utf8'); } catch (err) { stdin = 'error ' + err.code; }
require('http').createServer((req, res) => res.end(JSON.stringify({ env: process.env, stdin }))).listen(process.env.PORT);
`;

async function freePort(): Promise<number> {
  return new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const free = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(free));
    });
  });
}

const APP = `const http = require('http');
if (require.main === module) http.createServer((req, res) => res.end(JSON.stringify({ foo: process.env.FOO, leaked: Object.keys(process.env).filter((k) => k.startsWith('SPAWN_LAUNCHER')) }))).listen(process.env.PORT);
`;

describe('app launcher', () => {
  it('maps `node <file>.js` to an in-process load and anything else to a spawned command', () => {
    expect(launchMessage(['node', 'server.js'], '/app', { A: '1' })).toEqual({ mode: 'load', entry: '/app/server.js', env: { A: '1' } });
    expect(launchMessage(['python3', 'main.py'], '/app')).toEqual({ mode: 'spawn', command: ['python3', 'main.py'], env: {} });
    expect(launchMessage(['node', '--inspect', 'server.js'], '/app').mode).toBe('spawn');
  });

  it('ignores a message without its token, then runs the app as `node server.js` and says when it listens', async () => {
    const l = await launcher(APP);
    const wrong = await startThroughLauncher({ token: 'not-the-token', control: { socketPath: l.control } }, launchMessage(['node', 'server.js'], l.dir), 20_000);
    expect(await wrong.outcome).toBe('closed');
    const right = await startThroughLauncher({ token: l.token, control: { socketPath: l.control } }, launchMessage(['node', 'server.js'], l.dir, { FOO: 'bar' }), 20_000);
    expect(await right.outcome).toBe('ready');
    // Ready means served, at once: through the forwarded socket, require.main set, the launcher's variables gone.
    const body = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(join(l.dir, 'app.sock'), () => socket.write('GET / HTTP/1.0\r\nhost: x\r\n\r\n'));
      let text = '';
      socket.on('data', (c) => (text += c.toString())).on('end', () => resolve(text)).on('error', reject);
    });
    expect(JSON.parse(body.slice(body.indexOf('\r\n\r\n') + 4))).toEqual({ foo: 'bar', leaked: [] });
  });

  it('takes its settings and token from one stdin line (docker), says when it listens, and the app sees none of it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spawnai-launcher-'));
    dirs.push(dir);
    const port = await freePort();
    const token = newLauncherToken();
    const control = join(dir, 'control.sock');
    writeFileSync(join(dir, 'server.js'), STDIN_APP);
    const env = { PATH: process.env.PATH ?? '', PORT: String(port) };
    const child = spawn(process.execPath, [...LAUNCHER_STDIN_ARGV], { cwd: dir, env, stdio: ['pipe', 'pipe', 'inherit'] });
    children.push(child);
    let output = '';
    const listening = new Promise<void>((resolve) => child.stdout?.on('data', (c: Buffer) => (output += c.toString()).includes(`${LAUNCHER_LISTENING}\n`) && resolve()));
    // The host closes stdin after the line (the docker attach ends): the app then reads nothing of it.
    child.stdin?.end(launcherStdinConfig(control, token));
    await listening;
    const started = await startThroughLauncher({ token, control: { socketPath: control } }, launchMessage(['node', 'server.js'], dir), 20_000);
    expect(await started.outcome).toBe('ready');
    const body = await (await fetch(`http://127.0.0.1:${port}/`)).text();
    expect(body).not.toContain(token);
    expect(JSON.parse(body)).toEqual({ env, stdin: expect.not.stringContaining('control') });
  });

  it('writes the app files it is sent (docker), refuses paths leaving the root, then still takes the start message', async () => {
    const l = await launcher(APP);
    const root = join(l.dir, 'app');
    const handle = { token: l.token, control: { socketPath: l.control } };
    const escape = await startThroughLauncher(handle, { mode: 'files', root, files: [{ path: '../escaped.js', content: 'x' }] }, 20_000);
    expect(await escape.outcome).toBe('closed');
    expect(existsSync(join(l.dir, 'escaped.js'))).toBe(false);
    const wrong = await startThroughLauncher({ ...handle, token: 'not-the-token' }, { mode: 'files', root, files: [{ path: 'x.js', content: 'x' }] }, 20_000);
    expect(await wrong.outcome).toBe('closed');
    const sent = await startThroughLauncher(handle, { mode: 'files', root, files: [{ path: 'lib/a.js', content: 'module.exports = 1;' }, { path: 'server.js', content: APP }] }, 20_000);
    expect(await sent.outcome).toBe('written');
    expect(readFileSync(join(root, 'lib/a.js'), 'utf8')).toBe('module.exports = 1;');
    expect(existsSync(join(root, 'x.js'))).toBe(false);
    const started = await startThroughLauncher(handle, launchMessage(['node', 'server.js'], root), 20_000);
    expect(await started.outcome).toBe('ready');
  });

  it('reports `closed` when the app dies before listening', async () => {
    const l = await launcher("throw new Error('boom at start');\n");
    const started = await startThroughLauncher({ token: l.token, control: { socketPath: l.control } }, launchMessage(['node', 'server.js'], l.dir), 20_000);
    expect(await started.outcome).toBe('closed');
    await new Promise((r) => l.child.once('exit', r));
    expect(l.child.exitCode).not.toBe(0);
    expect(l.output()).toContain('boom at start');
  });
});
