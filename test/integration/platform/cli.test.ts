import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli-runner.ts';
import { startHarness, type Harness } from '../../support/platform-harness.ts';

const cli = runCli;

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
    // The countdown runs from creation: a slow machine may show a minute less by the time it runs.
    const url = /✔ (http:\/\/([a-z2-7]{26})\.localhost:\d+\/)\s+\(destroyed in (?:2h 00m|1h 59m), est\. \$0\.02\)/.exec(out);
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

  it('`fn add`, `fn ls` and `fn run` register a function from a file and call it with JSON', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spawnai-cli-fn-'));
    try {
      const file = path.join(dir, 'area.mjs');
      fs.writeFileSync(file, 'export function main({ w, h }) { console.log("computing"); return { area: w * h }; }\n');
      const added = await cli(['fn', 'add', file], env);
      expect(added.code, added.out).toBe(0);
      const id = /✔ (fn_[a-z0-9]+)\s+area v1 \(node, entrypoint main\)/.exec(added.out)?.[1];
      expect(id, added.out).toBeDefined();
      const listed = await cli(['fn', 'ls'], env);
      expect(listed.out).toMatch(new RegExp(`${id}\\s+v1\\s+node\\s+area`));
      const ran = await cli(['fn', 'run', id!, '{"w": 3, "h": 4}'], env);
      expect(ran.code, ran.out).toBe(0);
      expect(ran.out).toContain('computing');
      expect(ran.out).toContain('"area": 12');

      const failing = path.join(dir, 'boom.py');
      fs.writeFileSync(failing, 'def main(inputs):\n    raise ValueError("no")\n');
      const boomId = /✔ (fn_[a-z0-9]+)/.exec((await cli(['fn', 'add', failing], env)).out)?.[1];
      const failed = await cli(['fn', 'run', boomId!], env);
      expect(failed.code).toBe(1);
      expect(failed.out).toMatch(/✖ failed: FUNCTION_ERROR: .*ValueError: no/s);
      const badJson = await cli(['fn', 'run', id!, '{w: 3}'], env);
      expect(badJson.code).toBe(1);
      expect(badJson.out).toContain('INVALID_JSON');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
