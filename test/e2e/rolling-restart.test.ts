import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { createParser } from 'eventsource-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitUntil } from '../integration/deploy/compose-support.ts';
import { requireService, REDIS_URL } from '../support/services.ts';
import { ownSpace, type OwnSpace } from '../support/shared-services.ts';
import { freePort, spawnSpawnai, waitHealthy, type NodeProcess } from '../support/spawn-node.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CONTROL = 'spawn.test';
const APPS = 'apps.spawn.test';
/** An upper bound: the load stops two seconds after the second node is back. */
const MAX_RUN_SECONDS = 90;
const CONNECTIONS_EACH = 10; // 20 in all: control plane + app
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Skipped only where PostgreSQL, Redis, Caddy or bubblewrap is missing; requireService() fails the run in CI instead.
const available = requireService('postgres') && requireService('redis') && requireService('caddy') && requireService('bwrap');

/**
 * The shipped Caddyfile's proxy policy (retries, health checks, flushing) verbatim, in front of
 * the given upstreams on a plain-HTTP port: TLS does not change how a draining node is handled.
 * One addition for the test: each answer names the node that gave it (X-Upstream).
 */
function caddyfile(port: number, upstreams: string[]): string {
  const shipped = fs.readFileSync(path.join(ROOT, 'deploy/caddy/Caddyfile'), 'utf8');
  const policy = /reverse_proxy \S+ \{\n([\s\S]*?)\n\t\t\}/.exec(shipped)?.[1];
  if (!policy) throw new Error('no reverse_proxy block in deploy/caddy/Caddyfile');
  const upstream = '\t\t\theader_down X-Upstream {http.reverse_proxy.upstream.hostport}';
  return `{\n\tadmin off\n\tauto_https off\n}\n\nhttp://:${port} {\n\treverse_proxy ${upstreams.join(' ')} {\n${policy}\n${upstream}\n\t}\n}\n`;
}

async function startCaddy(port: number, upstreams: string[]): Promise<{ stop(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spawnai-rolling-caddy-'));
  fs.writeFileSync(path.join(dir, 'Caddyfile'), caddyfile(port, upstreams));
  const env = { PATH: process.env.PATH ?? '', HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir };
  const child: ChildProcess = spawn('caddy', ['run', '--config', path.join(dir, 'Caddyfile'), '--adapter', 'caddyfile'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr?.on('data', (c: Buffer) => (log = (log + c.toString()).slice(-4000)));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const up = () => new Promise<boolean>((resolve) => net.connect(port, '127.0.0.1', function (this: net.Socket) { this.destroy(); resolve(true); }).on('error', () => resolve(false)));
  await waitUntil(`caddy listening on ${port}`, 20_000, async () => {
    if (child.exitCode !== null) throw new Error(`caddy exited:\n${log}`);
    return (await up()) || undefined;
  }).catch(async (err: Error) => {
    await stop();
    throw new Error(`${err.message}\n${log}`);
  });
  return { stop };
}

/** One request through Caddy with the given Host, on a kept-alive connection like a browser's. */
const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
function request(port: number, host: string, method: string, urlPath: string, body?: unknown): Promise<{ status: number; text: string; upstream?: string }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request({ host: '127.0.0.1', port, method, path: urlPath, agent, headers: { host, ...(payload ? { 'content-type': 'application/json' } : {}) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text, upstream: res.headers['x-upstream'] as string | undefined }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}

interface FollowedEvent {
  seq: number;
  type: string;
  data: { state?: string; message?: string };
}

/**
 * What a browser's EventSource does, through Caddy: read the stream, and whenever it ends,
 * wait the server's `retry` and reconnect with Last-Event-ID. Stops after a terminal state.
 */
function followThroughCaddy(port: number, sessionId: string) {
  const events: FollowedEvent[] = [];
  const problems: string[] = [];
  let reconnects = 0;
  let retryMs = 2000;
  let ended = false;
  const once = () =>
    new Promise<void>((resolve) => {
      const last = events.at(-1)?.seq;
      const headers: Record<string, string> = { host: `${CONTROL}:${port}`, accept: 'text/event-stream', ...(last ? { 'last-event-id': String(last) } : {}) };
      const req = http.get({ host: '127.0.0.1', port, path: `/api/sessions/${sessionId}/events`, headers, agent: false }, (res) => {
        if (res.statusCode !== 200) problems.push(`status ${res.statusCode}`);
        const parser = createParser({
          onEvent(message) {
            const event = JSON.parse(message.data) as FollowedEvent;
            events.push(event);
            if (event.type === 'state' && (event.data.state === 'destroyed' || event.data.state === 'failed')) ended = true;
          },
          onRetry: (ms) => (retryMs = ms),
        });
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => parser.feed(chunk));
        res.on('end', () => resolve());
        res.on('aborted', () => problems.push('stream aborted'));
        res.on('error', (err) => (problems.push(`stream error ${err.message}`), resolve()));
      });
      req.on('error', (err) => (problems.push(`request error ${err.message}`), resolve()));
    });
  const done = (async () => {
    for (;;) {
      await once();
      if (ended) return;
      reconnects++;
      await sleep(retryMs);
    }
  })();
  return { events, problems, done, reconnects: () => reconnects };
}

// Skipped only where PostgreSQL, Redis, Caddy or bubblewrap is missing; requireService() fails the run in CI instead.
describe.skipIf(!available)('rolling restart of two API nodes behind Caddy', () => {
  let space: OwnSpace;
  let caddy: { stop(): Promise<void> };
  const nodes = new Map<string, NodeProcess>();
  const dirs: string[] = [];
  let env: Record<string, string>;
  let apiPorts: number[];
  let caddyPort: number;
  let appId: string;
  let followedId: string;

  const startNode = async (name: string, args: string[], port?: number): Promise<void> => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spawnai-rolling-'));
    fs.chmodSync(dir, 0o755);
    dirs.push(dir);
    const node = spawnSpawnai([...args, '--data-dir', dir], env);
    nodes.set(name, node);
    if (port) await waitHealthy(port, node);
  };
  const direct = async (method: string, urlPath: string, body?: unknown) => request(apiPorts[0]!, `127.0.0.1:${apiPorts[0]}`, method, urlPath, body);
  const running = (id: string) =>
    waitUntil(`session ${id} running`, 90_000, async () => {
      const { state } = JSON.parse((await direct('GET', `/api/sessions/${id}`)).text) as { state: string };
      if (state === 'failed') throw new Error(`session ${id} failed`);
      return state === 'running' ? state : undefined;
    });

  beforeAll(async () => {
    space = await ownSpace('rolling');
    [caddyPort, ...apiPorts] = [await freePort(), await freePort(), await freePort()];
    env = {
      DATABASE_URL: space.databaseUrl,
      REDIS_URL,
      SPAWN_REDIS_NAMESPACE: space.namespace,
      SPAWN_RUNTIME: 'process',
      SPAWN_PUBLIC_URL: `http://${CONTROL}:${caddyPort}`,
      SPAWN_APPS_DOMAIN: APPS,
      SPAWN_TRUSTED_PROXIES: '127.0.0.1',
      SPAWN_SHUTDOWN_GRACE_SECONDS: '10',
      SPAWN_LOG_LEVEL: 'warn',
    };
    await startNode('worker', ['worker']);
    await Promise.all(apiPorts.map((p, i) => startNode(`api${i}`, ['up', '--no-worker', '--port', String(p)], p)));
    caddy = await startCaddy(caddyPort, apiPorts.map((p) => `127.0.0.1:${p}`));
    const create = async (body: Record<string, string>) => {
      const created = await direct('POST', '/api/sessions', body);
      expect(created.status, created.text).toBe(201);
      return (JSON.parse(created.text) as { id: string }).id;
    };
    appId = await create({ prompt: 'a notes REST API', appType: 'api' });
    followedId = await create({ prompt: 'a todo list', appType: 'webapp' });
    await running(appId);
    await running(followedId);
  }, 240_000);

  afterAll(async () => {
    if (appId) await direct('DELETE', `/api/sessions/${appId}`).catch(() => undefined);
    await caddy?.stop();
    // SIGTERM: the worker tears its sandboxes' supervision down as in production.
    for (const node of nodes.values()) await node.kill('SIGTERM');
    agent.destroy();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
    await space?.drop();
  }, 60_000);

  it('drops no request to the control plane or to an api app, and an event stream misses nothing', async () => {
    const load = (host: string, urlPath: string) => {
      let instance: autocannon.Instance | undefined;
      const done = new Promise<autocannon.Result>((resolve, reject) => {
        const opts = { url: `http://127.0.0.1:${caddyPort}${urlPath}`, headers: { host: `${host}:${caddyPort}` }, connections: CONNECTIONS_EACH, duration: MAX_RUN_SECONDS };
        instance = autocannon(opts, (err, result) => (err ? reject(err as Error) : resolve(result)));
      });
      return { stop: () => instance?.stop(), done };
    };
    const follower = followThroughCaddy(caddyPort, followedId);
    const runs = [load(CONTROL, `/api/sessions/${appId}`), load(`${appId}.${APPS}`, '/api/notes')];

    const startedAt = Date.now();
    const timeline: string[] = [];
    // A POST (not retried by a proxy) every 100 ms through Caddy, each one event on the stream.
    const extends_: { status: number; text: string; at?: number }[] = [];
    let loading = true;
    const extender = (async () => {
      while (loading) {
        const at = Date.now() - startedAt;
        const answer = await request(caddyPort, `${CONTROL}:${caddyPort}`, 'POST', `/api/sessions/${followedId}/extend`, { ttlSeconds: 3600 }).catch((err: Error) => ({ status: 0, text: err.message }));
        extends_.push({ ...answer, at });
        await sleep(100);
      }
    })();

    // Restart one node, then the other, the way a rolling upgrade does: the next node goes down
    // only once Caddy routes to the restarted one again (its health check has seen it).
    for (const [i, port] of apiPorts.entries()) {
      await sleep(2_000);
      timeline.push(`${Date.now() - startedAt} ms: SIGTERM node ${i}`);
      await nodes.get(`api${i}`)!.kill('SIGTERM');
      await startNode(`api${i}`, ['up', '--no-worker', '--port', String(port)], port);
      await waitUntil(`Caddy routing to the restarted node ${port}`, 30_000, async () =>
        (await request(caddyPort, `${CONTROL}:${caddyPort}`, 'GET', '/healthz')).upstream === `127.0.0.1:${port}` || undefined);
      timeline.push(`${Date.now() - startedAt} ms: node ${i} back in Caddy's rotation`);
    }
    await sleep(2_000);
    for (const run of runs) run.stop();
    const results = await Promise.all(runs.map((run) => run.done));
    loading = false;
    await extender;
    expect((await request(caddyPort, `${CONTROL}:${caddyPort}`, 'DELETE', `/api/sessions/${followedId}`)).status).toBe(202);
    await follower.done;

    for (const [label, result] of [['control plane', results[0]!], ['api app', results[1]!]] as const) {
      expect(result.requests.total, label).toBeGreaterThan(100);
      expect({ label, errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx }, timeline.join('; ')).toEqual({ label, errors: 0, timeouts: 0, non2xx: 0 });
    }
    expect(extends_.length).toBeGreaterThan(20);
    expect(extends_.filter((e) => e.status !== 200), `POSTs that failed (${timeline.join('; ')})`).toEqual([]);

    // The stream was cut by the restarts and resumed, and saw every event once, in order.
    expect(follower.problems).toEqual([]);
    expect(follower.reconnects()).toBeGreaterThanOrEqual(1);
    const seqs = follower.events.map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    const stored: number[] = [];
    const replay = followThroughCaddy(caddyPort, followedId);
    await replay.done;
    stored.push(...replay.events.map((e) => e.seq));
    expect(seqs).toEqual(stored);
    expect(follower.events.filter((e) => e.type === 'log' && e.data.message?.startsWith('lifetime extended')).length).toBe(extends_.length);
  }, 180_000);
});
