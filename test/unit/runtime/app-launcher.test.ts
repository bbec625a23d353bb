import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LAUNCHER_ARGV, launchMessage, launcherEnv, newLauncherToken, startThroughLauncher } from '../../../src/runtime/launcher/launcher-client.ts';

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

  it('reports `closed` when the app dies before listening', async () => {
    const l = await launcher("throw new Error('boom at start');\n");
    const started = await startThroughLauncher({ token: l.token, control: { socketPath: l.control } }, launchMessage(['node', 'server.js'], l.dir), 20_000);
    expect(await started.outcome).toBe('closed');
    await new Promise((r) => l.child.once('exit', r));
    expect(l.child.exitCode).not.toBe(0);
    expect(l.output()).toContain('boom at start');
  });
});
