import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { pidsMatching } from '../support/spawn-node.ts';
import { SEARCH_JS, appReport, eventually, hiddenString, reportingServer, describeOnEachRuntime } from './support/security-harness.ts';

/** Leaves `marker` in every writable place it can reach, plus a daemon carrying it in argv. */
function litteringServer(marker: string): string {
  return reportingServer(`
const fs = require('node:fs');
const { spawn } = require('node:child_process');
const secret = ${hiddenString(marker)};
report.written = [];
for (const dir of ['/tmp', '/dev/shm', '/app', process.env.HOME, '/run/spawnai', '/var/tmp']) {
  try { fs.writeFileSync(dir + '/left-' + secret, secret); report.written.push(dir); } catch {}
}
process.env.LEFT_BEHIND = secret;
spawn('sh', ['-c', 'trap "" TERM HUP; while :; do sleep 1; done', 'left-' + secret], { stdio: 'ignore', detached: true }).unref();
`);
}

/** Class 9: a fresh session sees no file, process or environment of an earlier tenant. */
describeOnEachRuntime('leftovers between tenants', (h) => {
  it('the next tenant finds nothing of the previous one', async () => {
    const marker = `TENANT-${randomUUID()}`;
    const first = await h.deploy('api', {
      'server.js': litteringServer(marker),
    });
    expect(first.state, JSON.stringify(first.error)).toBe('running');
    const littered = await appReport<{ done: boolean; written: string[] }>(h, first.id);
    expect(littered.written).toEqual(expect.arrayContaining(['/tmp', '/dev/shm', '/app']));
    expect((await pidsMatching(marker)).length).toBeGreaterThan(0);
    await h.destroy(first.id);
    expect(await eventually(async () => (await pidsMatching(marker)).length === 0)).toBe(true);

    // Several tenants in a row, so a recycled sandbox (pool, directory) would show up.
    for (let i = 0; i < 2; i++) {
      const next = await h.deploy('api', {
        'server.js': reportingServer(`${SEARCH_JS}\nreport.search = searchEverything([${hiddenString(marker)}]);`),
      });
      expect(next.state, JSON.stringify(next.error)).toBe('running');
      const found = await appReport<{
        done: boolean;
        search: { hits: string[]; files: number };
      }>(h, next.id, 30_000);
      expect(found.search.hits).toEqual([]);
      await h.destroy(next.id);
    }
  });
});
