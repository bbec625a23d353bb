import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { pidsMatching } from '../support/spawn-node.ts';
import { appReport, eventually, reportingServer, describeOnEachRuntime } from './support/security-harness.ts';

/**
 * A server that leaves behind: a CPU spinner, a child ignoring SIGTERM, and a daemon (double fork
 * + setsid, re-parented away from the server). Each carries `marker` in its argv so the host's
 * /proc can find it whatever pid namespace it lives in.
 */
function stubbornServer(marker: string): string {
  return reportingServer(`
const { spawn } = require('node:child_process');
spawn('node', ['-e', 'for (;;) {}', 'spin-${marker}'], { stdio: 'ignore' });
spawn('sh', ['-c', 'trap "" TERM HUP INT; while :; do sleep 1; done', 'noterm-${marker}'], { stdio: 'ignore' });
// sh forks a setsid'd grandchild into the background and exits: the daemon's parent is gone.
spawn('sh', ['-c', 'setsid sh -c "trap \\\\"\\\\" TERM HUP; while :; do sleep 1; done" daemon-${marker} </dev/null >/dev/null 2>&1 & exit 0', 'launcher'], { stdio: 'ignore', detached: true }).unref();
await new Promise((r) => setTimeout(r, 500));
`);
}

/** Class 4: spinners, SIGTERM-ignoring children and daemonised grandchildren all die at destroy and at TTL. */
describeOnEachRuntime('stubborn processes', (h) => {
  async function expectAllThree(marker: string): Promise<void> {
    const found = await eventually(async () => {
      const text = await Promise.all(
        (await pidsMatching(marker)).map((pid) => import('node:fs/promises').then((fs) => fs.readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => ''))),
      );
      return ['spin-', 'noterm-', 'daemon-'].every((kind) => text.some((cmd) => cmd.includes(kind + marker)));
    }, 10_000);
    expect(found, 'spinner, SIGTERM-ignorer and daemon all started').toBe(true);
  }

  it('are all gone from the host once the session is destroyed', async () => {
    const marker = randomUUID();
    const s = await h.deploy('api', {
      'server.js': stubbornServer(marker),
    });
    expect(s.state, JSON.stringify(s.error)).toBe('running');
    await appReport(h, s.id);
    await expectAllThree(marker);
    expect((await h.destroy(s.id)).state).toBe('destroyed');
    expect(await eventually(async () => (await pidsMatching(marker)).length === 0, 10_000), `left: ${(await pidsMatching(marker)).join(',')}`).toBe(true);
  });

  it('are all gone from the host when the TTL runs out', async () => {
    const marker = randomUUID();
    const s = await h.deploy('api', { 'server.js': stubbornServer(marker) }, { ttlSeconds: 6 });
    expect(s.state, JSON.stringify(s.error)).toBe('running');
    await expectAllThree(marker);
    const end = await h.waitFor(s.id, ['destroyed'], 25_000);
    expect(end.destroyedAt).not.toBeNull();
    expect(await eventually(async () => (await pidsMatching(marker)).length === 0, 10_000), `left: ${(await pidsMatching(marker)).join(',')}`).toBe(true);
    await h.assertHealthy();
  });
});
