import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../support/platform-harness.ts';

function cli(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/spawnai.js', ...args], { env: { PATH: process.env.PATH ?? '', ...env } });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

describe('spawnai CLI against a running server', () => {
  let h: Harness;
  let env: Record<string, string>;
  beforeAll(async () => {
    h = await startHarness({ SPAWN_MAX_ACTIVE_SESSIONS: '20', SPAWN_MAX_NEW_SESSIONS: '50' });
    env = { SPAWN_URL: h.base };
  });
  afterAll(async () => {
    await h?.close();
  });

  it('`new` follows the session to running and prints the path, the URL and the countdown', async () => {
    const { code, out } = await cli(['new', 'a', 'pomodoro', 'timer', 'with', 'a', 'task', 'list'], env);
    expect(code, out).toBe(0);
    expect(out).toMatch(/requested → generating → deploying → running\s+\[█{10}\] 100%/);
    const url = /✔ (http:\/\/([a-z2-7]{26})\.localhost:\d+\/)\s+\(destroyed in 2h 00m, est\. \$0\.02\)/.exec(out);
    expect(url, out).not.toBeNull();
    expect((await h.app(url![2]!)).status).toBe(200);
  });

  it('`new` exits non-zero with the reason when the request is refused', async () => {
    const { code, out } = await cli(['new', ' '], env);
    expect(code).toBe(1);
    expect(out).toContain('PROMPT_EMPTY');
  });

  it('`ls`, `extend`, `logs` and `destroy` act on the session', async () => {
    const created = await h.api<{ id: string }>('POST', '/api/sessions', { prompt: 'a calculator', appType: 'webapp' });
    const id = created.body.id;
    await h.waitFor(id, ['running']);
    expect((await cli(['ls'], env)).out).toContain(id);
    const ext = await cli(['extend', id, '3600'], env);
    expect(ext.code, ext.out).toBe(0);
    expect(ext.out).toMatch(/in (59m|1h 00m)/);
    const logs = await cli(['logs', id], env);
    expect(logs.out).toMatch(/state\s+\{"state":"running"/);
    const destroy = await cli(['destroy', id], env);
    expect(destroy.code).toBe(0);
    expect((await h.waitFor(id, ['destroyed'])).state).toBe('destroyed');
  });

  it('says how to start the server when it is unreachable', async () => {
    const { code, out } = await cli(['ls'], { SPAWN_URL: 'http://127.0.0.1:9' });
    expect(code).toBe(1);
    expect(out).toContain('npm start');
  });
});
