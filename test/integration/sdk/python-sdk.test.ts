import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../../src/server/auth.ts';
import { requireService } from '../../support/services.ts';
import { startHarness, type Harness } from '../../support/platform-harness.ts';

const SDK_DIR = path.resolve(import.meta.dirname, '../../../sdk/python');
const PYTEST_TIMEOUT_MS = 240_000;
const available = requireService('pythonSdk');

function pytest(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    // Debian's interpreter, whatever `python3` on PATH is (a pyenv shim may lack pandas).
    const child = spawn('/usr/bin/python3', ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', 'tests'], {
      cwd: SDK_DIR,
      env: { ...process.env, ...env, PYTHONDONTWRITEBYTECODE: '1' },
      timeout: PYTEST_TIMEOUT_MS,
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

// Skipped only where Debian's python3-pytest/requests/pandas are missing; requireService() fails the run in CI instead.
describe.skipIf(!available)('the Python SDK (sdk/python) against a real server', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ SPAWN_RUNTIME: 'process' });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('passes its pytest suite: functions, the decorator, files, a 100-point study as a DataFrame, workflows, sessions', async () => {
    const token = await createToken(h.platform.store, 'sdk-user');
    const { code, output } = await pytest({ SPAWNAI_URL: h.base, SPAWNAI_TOKEN: token });
    expect(code, output).toBe(0);
    expect(output).toMatch(/\b8 passed\b/);
  }, PYTEST_TIMEOUT_MS + 10_000);
});
