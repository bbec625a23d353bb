import { randomUUID } from 'node:crypto';
import { accessSync, chmodSync, constants, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProcessDriver, type Sandbox, type SandboxDriver } from '../../../src/runtime/index.ts';
import { requireService } from '../../support/services.ts';
import { defineDriverSuite, testSpec } from './driver-suite.ts';
import { SERVER_JS, pidsWithMarker, waitForHttp } from './sandbox-probes.ts';

const bwrapAvailable = requireService('bwrap');
const logger = pino({ level: 'silent' });

function cgroupsWritable(): boolean {
  for (const dir of ['/sys/fs/cgroup/memory', '/sys/fs/cgroup/cgroup.subtree_control']) {
    try {
      accessSync(dir, constants.W_OK);
      return true;
    } catch {
      // try the other layout
    }
  }
  return false;
}
const noCgroups = cgroupsWritable() ? false : 'no writable cgroup hierarchy on this host';
if (noCgroups && process.env.CI === 'true') throw new Error(`CI must run the memory/pids limit tests: ${noCgroups}`);
if (noCgroups) console.warn(`[skip] memory/pids limit tests: ${noCgroups}`);
const dataDirs: string[] = [];

function newDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'spawnai-pd-'));
  chmodSync(dir, 0o755); // the driver drops root to uid 65534, which must reach the sandboxes
  dataDirs.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

defineDriverSuite(
  'process + bubblewrap',
  async () => createProcessDriver({ dataDir: newDataDir(), logger, useBwrap: true }),
  {
    skipReason: bwrapAvailable ? undefined : 'bubblewrap is not installed or cannot create namespaces here',
  },
);

defineDriverSuite('process without bubblewrap', async () =>
  createProcessDriver({ dataDir: newDataDir(), logger, useBwrap: false }),
);

/** pgid of each process tree the driver recorded (it starts each tree as a session leader). */
function recordedPgids(dataDir: string, sandboxId: string): number[] {
  const file = join(dataDir, 'sandboxes', sandboxId, 'processes.json');
  return Object.values(JSON.parse(readFileSync(file, 'utf8')) as Record<string, { pid: number }>).map((r) => r.pid);
}

function pidsInGroup(pgid: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]) === pgid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

// Skipped only where bubblewrap cannot run; requireService() fails the run in CI instead.
describe.skipIf(!bwrapAvailable)('process driver with bubblewrap: containment', () => {
  let driver: SandboxDriver;
  let dataDir: string;
  const created: Sandbox[] = [];
  let hostServer: Server;
  let hostPort: number;

  beforeAll(async () => {
    dataDir = newDataDir();
    driver = createProcessDriver({ dataDir, logger, useBwrap: true });
    await driver.init();
    hostServer = createServer((socket) => socket.end('host-secret-service\n'));
    await new Promise<void>((resolve) => hostServer.listen(0, '127.0.0.1', resolve));
    hostPort = (hostServer.address() as { port: number }).port;
  });

  afterAll(async () => {
    for (const sandbox of created) await driver.destroy(sandbox.id).catch(() => undefined);
    await new Promise((resolve) => hostServer?.close(resolve));
  });

  async function sandbox(overrides: Parameters<typeof testSpec>[0] = {}): Promise<Sandbox> {
    const sb = await driver.create(testSpec(overrides));
    created.push(sb);
    return sb;
  }

  it('cannot connect to a port the host opened on 127.0.0.1', async () => {
    const sb = await sandbox();
    const script = `const s = require('net').connect(${hostPort}, '127.0.0.1');
      s.on('data', (d) => { console.log('CONNECTED ' + d); process.exit(0); });
      s.on('error', (e) => { console.log('REFUSED ' + e.code); process.exit(0); });`;
    const result = await driver.exec(sb, {
      command: ['node', '-e', script],
      timeoutMs: 15_000,
    });
    expect(result.stdout).toMatch(/^REFUSED/);
    expect(result.stdout).not.toContain('host-secret-service');
  });

  // Skipped only without writable cgroups; this file throws in CI instead (see noCgroups).
  it.skipIf(noCgroups)('kills a memory hog at its 64 MB limit and reports oomKilled', async () => {
    const sb = await sandbox({ memoryMb: 64 });
    const hog = 'const keep = []; for (;;) keep.push(Buffer.alloc(1 << 20, 1));';
    const result = await driver.exec(sb, {
      command: ['node', '-e', hog],
      timeoutMs: 30_000,
    });
    expect(result.timedOut).toBe(false);
    expect(result.exitCode === 137 || result.signal === 'SIGKILL').toBe(true);
    expect(result.oomKilled).toBe(true);
  });

  // Skipped only without writable cgroups; this file throws in CI instead (see noCgroups).
  it.skipIf(noCgroups)('contains a fork bomb with the pids limit', async () => {
    const sb = await sandbox({ pids: 32 });
    const bomb = [
      'import os, time',
      'n = 0',
      'try:',
      '    while n < 500:',
      '        if os.fork() == 0:',
      '            time.sleep(30)',
      '            os._exit(0)',
      '        n += 1',
      'except OSError as err:',
      '    print("fork failed after", n, err.errno)',
    ].join('\n');
    const result = await driver.exec(sb, {
      command: ['python3', '-c', bomb],
      timeoutMs: 30_000,
    });
    const forks = Number(/fork failed after (\d+)/.exec(result.stdout)?.[1] ?? NaN);
    expect(forks).toBeLessThan(32);
  });

  it('destroy leaves no process in the sandbox process groups', async () => {
    const sb = await sandbox();
    const marker = `pgid-${randomUUID()}`;
    await driver.writeFiles(sb, [{ path: 'server.js', content: SERVER_JS }]);
    await waitForHttp(
      await driver.startServer(sb, {
        command: ['node', 'server.js', marker],
      }),
    );
    const pgids = recordedPgids(dataDir, sb.id);
    expect(pgids.length).toBeGreaterThan(0);
    expect(pgids.flatMap(pidsInGroup).length).toBeGreaterThan(0);
    expect(await driver.destroy(sb.id)).toBe(true);
    expect(pgids.flatMap(pidsInGroup)).toEqual([]);
    expect(pidsWithMarker(marker)).toEqual([]);
  });

  it('refuses app file paths that leave the app directory', async () => {
    const sb = await sandbox();
    for (const path of ['../escape.txt', '/etc/escape.txt', 'a/../../escape.txt', '']) {
      await expect(driver.writeFiles(sb, [{ path, content: 'x' }]), path).rejects.toThrow(/unsafe/);
    }
  });
});

describe('process driver across server restarts', () => {
  it('a new driver instance lists and destroys sandboxes a previous one started', async () => {
    const dataDir = newDataDir();
    const first = createProcessDriver({ dataDir, logger, useBwrap: false });
    const marker = `restart-${randomUUID()}`;
    const sb = await first.create(testSpec());
    try {
      await first.writeFiles(sb, [{ path: 'server.js', content: SERVER_JS }]);
      await waitForHttp(await first.startServer(sb, { command: ['node', 'server.js', marker] }));

      const second = createProcessDriver({ dataDir, logger, useBwrap: false });
      expect((await second.list()).map((s) => s.sessionId)).toContain(sb.sessionId);
      expect(await second.health(sb)).toEqual({ ok: true });
      expect(await second.destroy(sb.id)).toBe(true);
      expect(pidsWithMarker(marker)).toEqual([]);
      expect(await first.list()).toEqual([]);
    } finally {
      await first.destroy(sb.id);
    }
  });
});
