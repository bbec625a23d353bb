import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArtifactStore } from '../../../src/artifacts/index.ts';
import type { AppType } from '../../../src/api-types.ts';
import { loadConfig } from '../../../src/config/index.ts';
import { createEventBus } from '../../../src/events/index.ts';
import { createLogger } from '../../../src/log/index.ts';
import { AppDeployer } from '../../../src/orchestrator/deploy/app-deployer.ts';
import { newSessionId } from '../../../src/orchestrator/ids.ts';
import { SessionEvents } from '../../../src/orchestrator/index.ts';
import { chooseSandboxRuntime, localEndpoint, parseRecordedEndpoint, probeApp, type SandboxService } from '../../../src/sandboxes/index.ts';
import { createStore, type SessionRecord, type Store } from '../../../src/store/index.ts';
import { newSession } from '../store/session-fixture.ts';
import { requireService } from '../../support/services.ts';

const SERVER_JS = `require('node:http').createServer((q, s) => s.end('v1')).listen(process.env.PORT);`;
const signal = (): AbortSignal => AbortSignal.timeout(30_000);

/** The one deploy path on a real runtime (bubblewrap) and SQLite: every app type, a failure, a restart. */
// Skipped only where bubblewrap cannot run; requireService() fails the run in CI instead.
describe.skipIf(!requireService('bwrap'))('AppDeployer on the process runtime', () => {
  let dataDir: string;
  let store: Store;
  let sandboxes: SandboxService;
  let deployer: AppDeployer;
  let artifacts: ArtifactStore;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spawnai-deployer-'));
    fs.chmodSync(dataDir, 0o755); // sandboxes run as an unprivileged uid that must traverse it
    const config = loadConfig({}, { SPAWN_DATA_DIR: dataDir, SPAWN_LOG_LEVEL: 'warn', SPAWN_RUNTIME: 'process' });
    const logger = createLogger('warn');
    store = await createStore({ sqliteFile: path.join(dataDir, 'spawnai.db') });
    await store.migrate();
    sandboxes = await (await chooseSandboxRuntime(config, logger)).start(store);
    artifacts = new ArtifactStore(store.artifacts);
    const events = new SessionEvents(store, createEventBus(), logger);
    deployer = new AppDeployer({ store, artifacts, sandboxes, events, config });
  });
  afterAll(async () => {
    for (const s of await sandboxes.list()) await sandboxes.destroy(s.id);
    await sandboxes.close();
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function session(appType: AppType, state: SessionRecord['state'] = 'deploying'): Promise<SessionRecord> {
    return store.sessions.create(newSession({ id: newSessionId(), appType, state }));
  }
  const sandboxesOf = async (id: string): Promise<string[]> => (await sandboxes.list()).filter((s) => s.sessionId === id).map((s) => s.id);

  it('stores a web app with no sandbox at all', async () => {
    const s = await session('webapp');
    expect(await deployer.provision(s)).toBeNull();
    const deployed = await deployer.deploy(s, { files: [{ path: 'index.html', content: '<h1>hi</h1>' }], command: null, meta: { generator: 'test' } }, { signal: signal() });
    expect(deployed.server).toBeNull();
    expect((await artifacts.getFiles(s.id, deployed.version)).map((f) => f.path)).toEqual(['index.html']);
    expect(await sandboxesOf(s.id)).toEqual([]);
  });

  it('runs a script once, stores its result page beside its sources and frees its sandbox', async () => {
    const s = await session('script');
    const deployed = await deployer.deploy(s, { files: [{ path: 'main.js', content: 'console.log("<b>42</b>")' }], command: null, meta: {} }, { signal: signal() });
    const files = await artifacts.getFiles(s.id, deployed.version);
    expect(files.map((f) => f.path).sort()).toEqual(['main.js', 'result.html']);
    // Output that is not an HTML page is shown as text.
    expect(files.find((f) => f.path === 'result.html')?.content).toContain('<pre>&lt;b&gt;42&lt;/b&gt;');
    expect((await store.artifacts.getVersion(s.id, deployed.version))?.meta).toMatchObject({ resultPath: 'result.html', command: null });
    expect(await sandboxesOf(s.id)).toEqual([]);
  });

  it('starts a server in the sandbox provisioned ahead and records where the proxy reaches it', async () => {
    const s = await session('api');
    const sandbox = await deployer.provision(s);
    expect(sandbox).not.toBeNull();
    const deployed = await deployer.deploy(s, { files: [{ path: 'server.js', content: SERVER_JS }], command: ['node', 'server.js'], meta: {} }, { sandbox, signal: signal() });
    expect(deployed.server?.id).toBe(sandbox?.id);
    const record = await store.sandboxes.getLiveBySession(s.id);
    expect(record?.state).toBe('running');
    const endpoint = parseRecordedEndpoint(record?.endpoint);
    expect(endpoint?.kind).toMatch(/^(socket|tcp)$/);
    expect(await probeApp(localEndpoint(endpoint!))).toBe(200);
  });

  it('fails a server that exits with APP_START_FAILED and its output, and frees the sandbox', async () => {
    const s = await session('api');
    const crash = { files: [{ path: 'server.js', content: 'console.error("cannot start: no config"); process.exit(3)' }], command: null, meta: {} };
    await expect(deployer.deploy(s, crash, { signal: signal() })).rejects.toMatchObject({ code: 'APP_START_FAILED', message: expect.stringContaining('cannot start: no config') });
    expect(await sandboxesOf(s.id)).toEqual([]);
  });

  it('restarts the current version of a running app in a fresh sandbox', async () => {
    const s = await session('api');
    const first = await deployer.deploy(s, { files: [{ path: 'server.js', content: SERVER_JS }], command: ['node', 'server.js'], meta: {} }, { signal: signal() });
    const running = await store.sessions.transition(s.id, ['deploying'], 'running', { currentVersion: first.version });
    expect(await deployer.restart(running!)).toBe('restarted');
    const live = await store.sandboxes.getLiveBySession(s.id);
    expect(live?.id).not.toBe(first.server?.id);
    expect(await sandboxesOf(s.id)).toEqual([live?.id]);
  });

  it('keeps no sandbox for a session that ended while it restarted', async () => {
    const s = await session('api');
    const first = await deployer.deploy(s, { files: [{ path: 'server.js', content: SERVER_JS }], command: null, meta: {} }, { signal: signal() });
    const ended = await store.sessions.transition(s.id, ['deploying'], 'destroyed', { currentVersion: first.version });
    expect(await deployer.restart(ended!)).toBe('session-ended');
    expect(await sandboxesOf(s.id)).toEqual([]);
  });

  it('refuses what needs a sandbox on a node without one, and still stores web apps there', async () => {
    const apiOnly = new AppDeployer({ store, artifacts, sandboxes: null, events: new SessionEvents(store, createEventBus(), createLogger('silent')), config: loadConfig({}, { SPAWN_DATA_DIR: dataDir }) });
    const api = await session('api');
    await expect(apiOnly.deploy(api, { files: [{ path: 'server.js', content: SERVER_JS }], command: null, meta: {} }, { signal: signal() })).rejects.toMatchObject({ code: 'DEPLOY_FAILED' });
    const web = await session('webapp');
    expect((await apiOnly.deploy(web, { files: [{ path: 'index.html', content: 'ok' }], command: null, meta: {} }, { signal: signal() })).server).toBeNull();
  });
});
