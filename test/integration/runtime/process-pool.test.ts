import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProcessDriver, type Sandbox } from '../../../src/runtime/index.ts';
import type { ProcessDriver } from '../../../src/runtime/process/process-driver.ts';
import { unmountAllUnder } from '../../support/sandbox-mounts.ts';
import { requireService } from '../../support/services.ts';
import { testSpec } from './driver-suite.ts';
import { httpGet, pidsWithMarker, waitUntil } from './sandbox-probes.ts';

const available = requireService('bwrap');
const dataDirs: string[] = [];

function newDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'spawnai-pp-'));
  chmodSync(dir, 0o755); // the driver drops root to uid 65534, which must reach the sandboxes
  dataDirs.push(dir);
  return dir;
}

/** Fills the app directory's inodes before it listens, then reports whether it can write /run/spawnai. */
const INODE_FLOOD_APP = `const fs = require('node:fs');
let files = 0;
fs.mkdirSync('many');
try { for (;;) { fs.writeFileSync('many/f' + files, ''); files++; } } catch (err) { var floodError = err.code; }
let run = 'writable';
try { fs.writeFileSync('/run/spawnai/x', ''); } catch (err) { run = err.code; }
require('node:http').createServer((q, r) => r.end(JSON.stringify({ files, floodError, run }))).listen(Number(process.env.PORT));
`;

// Skipped only where bubblewrap cannot run; requireService() fails the run in CI instead.
describe.skipIf(!available)('process runtime warm pool (launcher sandboxes)', () => {
  let driver: ProcessDriver;
  let dataDir: string;
  const made: Sandbox[] = [];

  beforeAll(async () => {
    dataDir = newDataDir();
    driver = createProcessDriver({ dataDir, logger: pino({ level: 'silent' }), useBwrap: true, pool: { size: 1, max: 1 } }) as ProcessDriver;
    await driver.init();
  });
  afterAll(async () => {
    for (const s of made) await driver.destroy(s.id).catch(() => undefined);
    await driver.close();
    for (const dir of dataDirs) {
      unmountAllUnder(dir);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a claimed launcher runs the app even with its inode quota full; run/ stays root-only', async () => {
    made.push(await driver.create(testSpec())); // the first ask of a shape fills its pool
    await driver.poolIdle();
    const idle = readdirSync(join(dataDir, 'sandboxes')).filter((id) => !made.some((s) => s.id === id));
    expect(idle).toHaveLength(1);
    expect((await driver.list()).map((s) => s.id)).not.toContain(idle[0]); // its own pool is hidden
    const spec = testSpec();
    const sandbox = await driver.create(spec);
    made.push(sandbox);
    expect(sandbox.id).toBe(idle[0]);
    expect((await driver.list()).find((s) => s.id === sandbox.id)?.sessionId).toBe(spec.sessionId);
    expect(driver.poolStats()?.claims.hit).toBe(1);
    await driver.writeFiles(sandbox, [{ path: 'server.js', content: INODE_FLOOD_APP }]);
    const endpoint = await driver.startServer(sandbox, { command: ['node', 'server.js'] });
    expect(await driver.waitReady?.(sandbox, 30_000)).toBe('ready');
    const answer = await httpGet(endpoint, '/', 10_000);
    expect(answer.status).toBe(200);
    const report = JSON.parse(answer.body) as { files: number; floodError: string; run: string };
    expect(report.floodError).toBe('ENOSPC');
    expect(report.run).toBe('EACCES');
    const run = statSync(join(dataDir, 'sandboxes', sandbox.id, 'run'));
    expect([run.uid, run.mode & 0o022]).toEqual([0, 0]);
  }, 60_000);

  it("a node's idle pool launchers die with it (SIGKILL), leaving nothing running", async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./process-pool-child.ts', import.meta.url))], { stdio: ['ignore', 'pipe', 'inherit'] });
    let started: { dataDir: string; pool: string[] } | undefined;
    try {
      const line = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout }).once('line', resolve);
        child.once('exit', (code) => reject(new Error(`child exited early (${code})`)));
      });
      started = JSON.parse(line) as { dataDir: string; pool: string[] };
      dataDirs.push(started.dataDir);
      expect(started.pool).toHaveLength(1);
      expect(pidsWithMarker(join(started.dataDir, 'sandboxes', started.pool[0] ?? '?')).length).toBeGreaterThan(0);
    } finally {
      child.kill('SIGKILL');
    }
    const marker = join(started.dataDir, 'sandboxes');
    expect(await waitUntil(() => pidsWithMarker(marker).length === 0, 10_000), `left running: ${pidsWithMarker(marker).join(',')}`).toBe(true);
    // What stays (directory, cgroup, quota mount) is the reaper's: a new driver lists it, with no session.
    const next = createProcessDriver({ dataDir: started.dataDir, logger: pino({ level: 'silent' }), useBwrap: true });
    const listed = await next.list();
    expect(listed.filter((s) => s.sessionId === '').map((s) => s.id)).toEqual(expect.arrayContaining(started.pool));
    for (const s of listed) await next.destroy(s.id);
    expect(readdirSync(marker)).toEqual([]);
  }, 60_000);
});
