import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createToken } from '../../../src/server/index.ts';
import { startHarness, type Harness } from '../../support/platform-harness.ts';
import { requireService } from '../../support/services.ts';
import { ownSpace, type OwnSpace } from '../../support/shared-services.ts';

/** Runs the real `spawnai backup|restore` command, as an operator would. */
function cli(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/spawnai.js', ...args], { env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), ...env } });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

const TARGETS = [
  { name: 'sqlite', available: true },
  { name: 'postgres', available: requireService('postgres') && requireService('python3') },
] as const;
const PY = 'def main(inputs):\n    return {"area": inputs["w"] * inputs["h"]}\n';
// Short TTLs are allowed so one session can expire between the backup and the restore.
const ENV = { SPAWN_MIN_TTL_SECONDS: '1', SPAWN_MAX_ACTIVE_SESSIONS: '20', SPAWN_MAX_NEW_SESSIONS: '50' };

/** Harness.waitFor asks as the local owner; these sessions belong to the token's owner. */
async function waitState(h: Harness, id: string, states: string[], headers: Record<string, string>, timeoutMs = 30_000): Promise<{ state: string; expiresAt: string }> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await h.api<{ state: string; expiresAt: string }>('GET', `/api/sessions/${id}`, undefined, headers);
    if (states.includes(body.state) || Date.now() > until) return body;
    await new Promise((r) => setTimeout(r, 50));
  }
}

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
});

describe.each(TARGETS)('spawnai backup / restore ($name)', ({ name, available }) => {
  // Skipped only where PostgreSQL (or python3) is missing; requireService() fails the run in CI instead.
  it.skipIf(!available)('a backup of a running installation restores into a fresh one that serves everything but what expired', async () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'spawnai-backup-'));
    fs.chmodSync(work, 0o755); // the restored node's sandboxes run as an unprivileged uid
    cleanups.push(async () => fs.rmSync(work, { recursive: true, force: true }));
    const spaces: OwnSpace[] = name === 'postgres' ? [await ownSpace('backup'), await ownSpace('restore')] : [];
    for (const s of spaces) cleanups.push(() => s.drop());
    const dbEnv = (i: number): Record<string, string> => (spaces[i] ? { DATABASE_URL: spaces[i].databaseUrl } : {});

    const h: Harness = await startHarness({ ...ENV, ...dbEnv(0) });
    cleanups.push(() => h.close());
    const token = await createToken(h.platform.store, 'alice');
    const auth = { authorization: `Bearer ${token}` };
    const kept = (await h.api<{ id: string }>('POST', '/api/sessions', { prompt: 'a todo list', appType: 'webapp' }, auth)).body.id;
    const expiring = (await h.api<{ id: string }>('POST', '/api/sessions', { prompt: 'a calculator', appType: 'webapp', ttlSeconds: 3 }, auth)).body.id;
    expect((await waitState(h, kept, ['running'], auth)).state).toBe('running');
    const expiresAt = new Date((await waitState(h, expiring, ['running'], auth)).expiresAt).getTime();
    const keptPage = await h.app(kept);
    expect(keptPage.status).toBe(200);
    const fn = (await h.api<{ id: string }>('POST', '/api/functions', { name: 'area', runtime: 'python', code: PY }, auth)).body.id;
    const task = await h.api<{ id: string; state: string; outputs: unknown }>('POST', `/api/functions/${fn}/execute`, { inputs: { w: 3, h: 4 }, wait: 60 }, auth);
    expect(task.body, JSON.stringify(task.body)).toMatchObject({ state: 'completed', outputs: { area: 12 } });

    // While the server keeps serving and writing.
    const file = path.join(work, 'spawnai.bak');
    const backup = await cli(['backup', file, '--data-dir', h.dataDir], dbEnv(0));
    expect(backup.code, backup.out).toBe(0);
    await h.close();
    while (Date.now() <= expiresAt) await new Promise((r) => setTimeout(r, 100)); // the TTL itself, not a guess

    const restoredDir = path.join(work, 'restored');
    const restore = await cli(['restore', file, '--data-dir', restoredDir], dbEnv(1));
    expect(restore.code, restore.out).toBe(0);
    const again = await cli(['restore', file, '--data-dir', restoredDir], dbEnv(1));
    expect(again.code, 'restoring over a database needs --force').toBe(1);
    expect(again.out).toContain('--force');

    const r = await startHarness({ ...ENV, ...dbEnv(1), SPAWN_DATA_DIR: restoredDir });
    cleanups.push(() => r.close());
    // A token that was not restored would be refused (401); another owner would get 404.
    const session = await r.api<{ state: string }>('GET', `/api/sessions/${kept}`, undefined, auth);
    expect(session.status).toBe(200);
    expect(session.body.state).toBe('running');
    const page = await r.app(kept);
    expect(page.status).toBe(200);
    expect(page.text).toBe(keptPage.text);
    const versions = await r.api<{ versions: unknown[] }>('GET', `/api/sessions/${kept}/versions`, undefined, auth);
    expect(versions.body.versions).toHaveLength(1);
    expect((await r.api<{ name: string }>('GET', `/api/functions/${fn}`, undefined, auth)).body.name).toBe('area');
    expect((await r.api<{ outputs: unknown }>('GET', `/api/tasks/${task.body.id}`, undefined, auth)).body.outputs).toEqual({ area: 12 });
    // The start-up reconciler pass destroys what expired while the installation was down.
    expect((await waitState(r, expiring, ['destroyed'], auth, 15_000)).state).toBe('destroyed');
    expect((await r.app(expiring)).status).toBe(410);
  });
});
