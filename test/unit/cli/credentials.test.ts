import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { credentialsPath, forgetCredential, loadCredential, saveCredential } from '../../../src/cli/credentials.ts';

describe('CLI credentials (spawnai login)', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const env = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'spawnai-cred-'));
    dirs.push(dir);
    return { XDG_CONFIG_HOME: dir };
  };

  it('stores one token per server in the config dir, readable by the user only (0600 in a 0700 dir)', () => {
    const e = env();
    const file = saveCredential('http://a.test:7070', 'tok-a', 'alice@acme.test', e);
    saveCredential('http://b.test', 'tok-b', undefined, e);
    expect(file).toBe(path.join(e.XDG_CONFIG_HOME, 'spawnai', 'credentials.json'));
    expect(credentialsPath(e)).toBe(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    expect(loadCredential('http://a.test:7070', e)).toBe('tok-a');
    expect(loadCredential('http://b.test', e)).toBe('tok-b');
    expect(loadCredential('http://c.test', e)).toBeUndefined();
  });

  it('forgets a server, and says when there was nothing to forget', () => {
    const e = env();
    saveCredential('http://a.test', 'tok', undefined, e);
    expect(forgetCredential('http://a.test', e)).toBe(true);
    expect(loadCredential('http://a.test', e)).toBeUndefined();
    expect(forgetCredential('http://a.test', e)).toBe(false);
  });
});
