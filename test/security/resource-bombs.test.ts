import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { pidsMatching } from '../support/spawn-node.ts';
import { SANDBOX_PIDS, appReport, eventually, reportingServer, describeOnEachRuntime } from './support/security-harness.ts';


/** Classes 1 and 2: fork bombs and memory bombs (heap, tmpfs, /dev/shm) stay inside their sandbox. */
// Room for 64 processes forked from a node server (copy-on-write still charges page tables).
describeOnEachRuntime(
  'resource bombs',
  (h) => {
    it('a fork bomb hits the pid limit; the host and other sessions stay responsive; destroy kills it all', async () => {
      const marker = `bomb-${randomUUID()}`;
      // Holds every process it manages to start (a shell blocked in \`read\`), retrying all the time,
      // next to a classic churning shell fork bomb.
      const server = reportingServer(`
const { spawn } = require('node:child_process');
let started = 0, refused = 0;
for (let i = 0; i < 400; i++) {
  await new Promise((resolve) => {
    const child = spawn('sh', ['-c', 'read x', '${marker}'], { stdio: ['pipe', 'ignore', 'ignore'] });
    child.on('spawn', () => { started++; resolve(); });
    child.on('error', () => { refused++; resolve(); });
  });
}
report.started = started;
report.refused = refused;
`);
      const s = await h.deploy('api', { 'server.js': server });
      expect(s.state, JSON.stringify(s.error)).toBe('running');
      let peak = 0;
      for (let i = 0; i < 10; i++) {
        peak = Math.max(peak, (await pidsMatching(marker)).length);
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(peak, 'the bomb did run').toBeGreaterThan(SANDBOX_PIDS / 4);
      expect(peak, 'never more processes than the pid limit').toBeLessThanOrEqual(SANDBOX_PIDS);
      const report = await appReport<{
        started: number;
        refused: number;
        done: boolean;
      }>(h, s.id, 30_000);
      expect(report.refused, 'the app itself is refused new processes').toBeGreaterThan(0);
      expect(report.started).toBeLessThan(SANDBOX_PIDS);
      await h.assertHealthy();
      const gone = await h.destroy(s.id);
      expect(gone.state).toBe('destroyed');
      expect(await eventually(async () => (await pidsMatching(marker)).length === 0)).toBe(true);
    });

    it('a classic shell fork bomb in a script is capped, stopped at its time limit and leaves nothing', async () => {
      const marker = `classic-${randomUUID()}`;
      const running = h.deploy('script', {
        'main.js': `require('node:child_process').spawn('sh', ['-c', 'f(){ f | f & }; while :; do f; sleep 0.2; done', '${marker}'], { stdio: 'ignore' });
setInterval(() => {}, 1000);`,
      });
      let peak = 0;
      let settled = false;
      void running.finally(() => (settled = true));
      while (!settled) {
        peak = Math.max(peak, (await pidsMatching(marker)).length);
        await new Promise((r) => setTimeout(r, 100));
      }
      const s = await running;
      expect(s.state).toBe('failed');
      expect(s.error?.code).toBe('SCRIPT_TIMEOUT');
      expect(peak, 'the bomb did run').toBeGreaterThan(0);
      expect(peak, 'never more processes than the pid limit').toBeLessThanOrEqual(SANDBOX_PIDS);
      expect(await eventually(async () => (await pidsMatching(marker)).length === 0)).toBe(true);
      await h.assertHealthy();
    });

    it('a server that eats its memory is OOM-killed inside the sandbox and the session says so', async () => {
      const s = await h.deploy('api', {
        'server.js': `const hog = [];
for (;;) hog.push(Buffer.alloc(8 * 1024 * 1024, 1));
require('node:http').createServer((q, r) => r.end('never')).listen(process.env.PORT);`,
      });
      expect(s.state).toBe('failed');
      expect(s.error?.code).toBe('APP_START_FAILED');
      expect(s.error?.message).toMatch(/OOM|out of memory/i);
      expect(s.error?.message).not.toMatch(/[\w-]+@|\/tmp\/spawnai-test/); // no host detail leaks into the reason
      expect(await h.sandboxOf(s.id)).toBeNull();
      await h.assertHealthy();
    });

    it('filling /dev/shm and /tmp ends in ENOSPC or an OOM kill of the script, reported on the session', async () => {
      const s = await h.deploy('script', {
        'main.js': `const fs = require('node:fs');
const chunk = Buffer.alloc(1024 * 1024, 7);
for (const dir of ['/dev/shm', '/tmp']) {
  let written = 0, code = 'none';
  try { for (let i = 0; i < 1024; i++) { fs.appendFileSync(dir + '/fill', chunk); written += chunk.length; } }
  catch (err) { code = err.code; }
  console.log('FILL ' + dir + ' ' + code + ' ' + written);
}`,
      });
      if (s.state === 'failed') {
        expect(s.error?.code).toBe('SCRIPT_FAILED');
        expect(s.error?.message).toMatch(/out of memory/);
      } else {
        expect(s.state).toBe('running');
        const page = await h.app(s.id, '/');
        const fills = [...page.text.matchAll(/FILL (\S+) (\S+) (\d+)/g)];
        expect(fills.map((m) => m[1])).toEqual(['/dev/shm', '/tmp']);
        for (const [, dir, code, written] of fills) {
          expect(code, `${dir} filled up`).toBe('ENOSPC');
          expect(Number(written)).toBeLessThanOrEqual(64 * 1024 * 1024);
        }
      }
      await h.assertHealthy();
    });
  },
  { SPAWN_SANDBOX_MEMORY_MB: '256', SPAWN_SCRIPT_TIMEOUT_SECONDS: '4' },
);
