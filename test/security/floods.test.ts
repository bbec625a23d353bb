import { expect, it } from 'vitest';
import { appReport, diskBytesUnder, reportingServer, describeOnEachRuntime } from './support/security-harness.ts';

const MiB = 1024 * 1024;
/** The app directory's cap on both runtimes (a 64 MiB tmpfs with 16 Ki inodes). */
const APP_DIR_BYTES = 64 * MiB;
const APP_DIR_INODES = 16_384;

/** Class 3: disk, inode and stdout floods hit quotas; logs are truncated; the data dir stays small. */
// Room for the node process plus a full app directory (tmpfs pages count as memory).
describeOnEachRuntime(
  'floods',
  (h) => {
    it('a disk flood and an inode flood of the app directory end in ENOSPC at the quota, not on the host disk', async () => {
      const before = diskBytesUnder(h.dataDir);
      const s = await h.deploy('api', {
        'server.js': reportingServer(`
const fs = require('node:fs');
const chunk = Buffer.alloc(1024 * 1024, 1);
report.bytes = 0; report.bytesError = 'none';
try { for (let i = 0; i < 200; i++) { fs.appendFileSync('fill.bin', chunk); report.bytes += chunk.length; } }
catch (err) { report.bytesError = err.code; }
fs.rmSync('fill.bin', { force: true });
fs.mkdirSync('many');
report.files = 0; report.filesError = 'none';
try { for (let i = 0; i < 40000; i++) { fs.writeFileSync('many/f' + i, ''); report.files++; } }
catch (err) { report.filesError = err.code; }
`),
      });
      expect(s.state, JSON.stringify(s.error)).toBe('running');
      const report = await appReport<{
        done: boolean;
        bytes: number;
        bytesError: string;
        files: number;
        filesError: string;
        error?: string;
      }>(h, s.id, 30_000);
      expect(report.error).toBeUndefined();
      expect(report.bytesError).toBe('ENOSPC');
      expect(report.bytes).toBeLessThanOrEqual(APP_DIR_BYTES);
      expect(report.filesError).toBe('ENOSPC');
      expect(report.files).toBeLessThanOrEqual(APP_DIR_INODES);
      expect(diskBytesUnder(h.dataDir) - before, 'bytes written to the host disk').toBeLessThan(8 * MiB);
      await h.destroy(s.id);
      await h.assertHealthy();
    });

    it("an api app's stdout flood becomes a bounded number of log events ending with a truncation marker", async () => {
      const s = await h.deploy('api', {
        'server.js': reportingServer(`
for (let i = 0; i < 200000; i++) console.log('flood line ' + i);
for (let i = 0; i < 2000; i++) console.error('x'.repeat(4000));
`),
      });
      expect(s.state, JSON.stringify(s.error)).toBe('running');
      await appReport(h, s.id, 30_000);
      await new Promise((r) => setTimeout(r, 500)); // the last chunks reach the listener
      const events = await h.platform.store.events.list(s.id, 0, 100_000);
      const logs = events.filter((e) => e.type === 'log').map((e) => String(e.data.message));
      expect(logs.length).toBeLessThanOrEqual(2_100);
      expect(logs.some((line) => line.includes('[output truncated]'))).toBe(true);
      expect(logs.join('\n').length).toBeLessThan(2 * MiB);
      await h.destroy(s.id);
    });

    it("a script's stdout flood is cut at 1 MiB on its result page", async () => {
      const s = await h.deploy('script', {
        'main.js': `const line = 'y'.repeat(1023) + '\\n';
for (let i = 0; i < 8 * 1024; i++) process.stdout.write(line);`,
      });
      expect(s.state, JSON.stringify(s.error)).toBe('running');
      const page = await h.app(s.id, '/');
      expect(page.status).toBe(200);
      expect(page.text.length).toBeLessThan(1.2 * MiB);
      expect(page.text).toMatch(/output truncated/);
    });

    it('the data directory holds only small records after every flood', async () => {
      expect(diskBytesUnder(h.dataDir)).toBeLessThan(32 * MiB);
      await h.assertHealthy();
    });
  },
  { SPAWN_SANDBOX_MEMORY_MB: '256' },
);
