import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCaddy, type RunningCaddy } from '../../e2e/support/caddy.ts';
import { requireService, REDIS_URL } from '../../support/services.ts';
import { ownSpace, type OwnSpace } from '../../support/shared-services.ts';
import { freePort, spawnSpawnai, waitHealthy, type NodeProcess } from '../../support/spawn-node.ts';
import { waitUntil } from './compose-support.ts';

const CONTROL = 'spawn.test';
const APPS = 'apps.spawn.test';
const DURATION_S = 20;
// Scaffold for issue 14's rolling restart: it needs SIGTERM draining in the API node (not built
// yet), so it runs only when asked to; drop this gate once draining lands.
const wanted = process.env.SPAWN_ROLLING_RESTART_TEST === '1';
const available = wanted && requireService('postgres') && requireService('redis') && requireService('caddy') && requireService('bwrap');

/** Two API nodes behind Caddy, one restarted while autocannon hits the control plane and an api app. */
describe.skipIf(!available)('rolling restart of one of two API nodes behind Caddy', () => {
  let space: OwnSpace;
  let caddy: RunningCaddy;
  const nodes: NodeProcess[] = [];
  const dirs: string[] = [];
  let env: Record<string, string>;
  let ports: number[];
  let appId: string;

  const node = async (args: string[], port?: number): Promise<NodeProcess> => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spawnai-rolling-'));
    fs.chmodSync(dir, 0o755);
    dirs.push(dir);
    const n = spawnSpawnai([...args, '--data-dir', dir], env);
    nodes.push(n);
    if (port) await waitHealthy(port, n);
    return n;
  };

  beforeAll(async () => {
    space = await ownSpace('rolling');
    const [https, http, p1, p2] = [await freePort(), await freePort(), await freePort(), await freePort()];
    ports = [p1!, p2!];
    env = { DATABASE_URL: space.databaseUrl, REDIS_URL, SPAWN_REDIS_NAMESPACE: space.namespace, SPAWN_RUNTIME: 'process', SPAWN_PUBLIC_URL: `https://${CONTROL}:${https}`, SPAWN_APPS_DOMAIN: APPS, SPAWN_LOG_LEVEL: 'warn' };
    await node(['worker']);
    for (const p of ports) await node(['up', '--no-worker', '--port', String(p)], p);
    caddy = await startCaddy({ upstream: ports.map((p) => `127.0.0.1:${p}`).join(' '), askAt: `127.0.0.1:${p1}`, controlHost: CONTROL, appsDomain: APPS, httpPort: http!, httpsPort: https! });
    const created = await fetch(`http://127.0.0.1:${p1}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ prompt: 'a notes REST API', appType: 'api' }) });
    appId = ((await created.json()) as { id: string }).id;
    await waitUntil('the api app running', 60_000, async () => {
      const { state } = (await (await fetch(`http://127.0.0.1:${p1}/api/sessions/${appId}`)).json()) as { state: string };
      if (state === 'failed') throw new Error('the api app failed');
      return state === 'running' ? state : undefined;
    });
  }, 180_000);

  afterAll(async () => {
    await caddy?.stop();
    for (const n of nodes) await n.kill('SIGKILL');
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
    await space?.drop();
  });

  it('drops no request to the control plane or to an api app', async () => {
    // autocannon always skips certificate checks; the names still go through SNI and Host.
    const load = (host: string, urlPath: string) =>
      autocannon({ url: `https://127.0.0.1:${caddy.httpsPort}${urlPath}`, servername: host, headers: { host: `${host}:${caddy.httpsPort}` }, connections: 10, duration: DURATION_S });
    const runs = [load(CONTROL, `/api/sessions/${appId}`), load(`${appId}.${APPS}`, '/')];
    await new Promise((r) => setTimeout(r, 5_000)); // a third of the way in
    const restarted = nodes[1]!;
    await restarted.kill('SIGTERM');
    await node(['up', '--no-worker', '--port', String(ports[0])], ports[0]);
    for (const result of await Promise.all(runs)) {
      expect(result.requests.total).toBeGreaterThan(100);
      expect({ errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx }).toEqual({ errors: 0, timeouts: 0, non2xx: 0 });
    }
  }, 90_000);
});
