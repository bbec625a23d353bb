import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SandboxDirectory } from '../../../src/runtime/process/sandbox-directory.ts';

let dataDir: string | undefined;
afterEach(() => {
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('SandboxDirectory.list', () => {
  it('reports a directory left without its record as an orphan with no session, once it is old', async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spawnai-dir-'));
    const directory = new SandboxDirectory(dataDir);
    const fresh = path.join(directory.root, 'sbx-fresh');
    const old = path.join(directory.root, 'sbx-old');
    fs.mkdirSync(fresh, { recursive: true });
    fs.mkdirSync(old, { recursive: true });
    const minuteAgo = new Date(Date.now() - 60_000);
    fs.utimesSync(old, minuteAgo, minuteAgo);
    const listed = await directory.list();
    // One being created right now is left alone; an abandoned one is listed for the reaper.
    expect(listed.map((s) => s.id)).toEqual(['sbx-old']);
    expect(listed[0]!.sessionId).toBe('');
  });
});
