import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { createProcessDriver } from '../../../src/runtime/index.ts';
import { unmountAllUnder } from '../../support/sandbox-mounts.ts';
import { requireService } from '../../support/services.ts';
import { pidsWithMarker, waitUntil } from './sandbox-probes.ts';

const available = requireService('bwrap');
/** cgroup v1's freezer holds a SIGKILL pending until thawed (v2 lets fatal signals through). */
const v1Freezer = existsSync('/sys/fs/cgroup/freezer');
const dataDirs: string[] = [];

interface Started {
  dataDir: string;
  sandboxId: string;
  marker: string;
  /** Sends the signal and resolves once the server process is gone. */
  stop(signal: NodeJS.Signals): Promise<void>;
}

/** A server process (see process-frozen-child.ts) with one paused api app. */
async function serverWithPausedApp(): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./process-frozen-child.ts', import.meta.url))], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`child exited early (${code})`)));
  }).catch((err: unknown) => {
    child.kill('SIGKILL');
    throw err;
  });
  const { dataDir, sandboxId } = JSON.parse(line) as { dataDir: string; sandboxId: string };
  dataDirs.push(dataDir);
  const marker = join(dataDir, 'sandboxes', sandboxId);
  return { dataDir, sandboxId, marker, stop: (signal) => (child.kill(signal), exited) };
}

/** The kernel's state letter of each process (D/T while frozen on cgroup v1, S on v2). */
function states(pids: number[]): string[] {
  return pids.map((pid) => / \S+\) (\S)/.exec(readFileSync(`/proc/${pid}/stat`, 'utf8'))?.[1] ?? '?');
}

afterAll(() => {
  for (const dir of dataDirs) {
    unmountAllUnder(dir);
    rmSync(dir, { recursive: true, force: true });
  }
});

// Skipped only where bubblewrap cannot run; requireService() fails the run in CI instead.
describe.skipIf(!available)('process runtime: a paused sandbox does not outlive its server', () => {
  it('SIGKILLed server: the next server on the same data directory thaws it, and it dies', async () => {
    const server = await serverWithPausedApp();
    await server.stop('SIGKILL');
    // Frozen, the sandbox cannot take the SIGKILL its server's death sent: it is still there.
    const left = pidsWithMarker(server.marker);
    if (v1Freezer) expect(left.length, `states ${states(left).join(',')}`).toBeGreaterThan(0);
    const next = createProcessDriver({ dataDir: server.dataDir, logger: pino({ level: 'silent' }), useBwrap: true });
    await next.init();
    expect(await waitUntil(() => pidsWithMarker(server.marker).length === 0, 10_000), `left running: ${pidsWithMarker(server.marker).join(',')}`).toBe(true);
    // The record stays for the reaper, which destroys it as for any leftover.
    expect((await next.list()).map((s) => s.id)).toContain(server.sandboxId);
    expect(await next.destroy(server.sandboxId)).toBe(true);
  }, 60_000);

  it('SIGKILLed server whose data directory is gone: any new server thaws it, and it dies', async () => {
    const server = await serverWithPausedApp();
    await server.stop('SIGKILL');
    if (v1Freezer) expect(pidsWithMarker(server.marker).length).toBeGreaterThan(0);
    unmountAllUnder(server.dataDir);
    rmSync(server.dataDir, { recursive: true, force: true });
    const other = mkdtempSync(join(tmpdir(), 'spawnai-frozen-'));
    chmodSync(other, 0o755);
    dataDirs.push(other);
    await createProcessDriver({ dataDir: other, logger: pino({ level: 'silent' }), useBwrap: true }).init();
    expect(await waitUntil(() => pidsWithMarker(server.marker).length === 0, 10_000), `left running: ${pidsWithMarker(server.marker).join(',')}`).toBe(true);
    // Its emptied cgroup went too (nobody else could list it any more).
    expect(existsSync(join('/sys/fs/cgroup/freezer/spawnai', server.sandboxId)) || existsSync(join('/sys/fs/cgroup/spawnai', server.sandboxId))).toBe(false);
  }, 60_000);

  it('clean shutdown (SIGTERM → close()): the paused sandbox dies with its server', async () => {
    const server = await serverWithPausedApp();
    await server.stop('SIGTERM');
    expect(await waitUntil(() => pidsWithMarker(server.marker).length === 0, 10_000), `left running: ${pidsWithMarker(server.marker).join(',')}`).toBe(true);
  }, 60_000);
});
