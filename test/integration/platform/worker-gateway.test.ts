import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedSession } from '../../../src/api-types.ts';
import type { WorkerGateway } from '../../../src/proxy/index.ts';
import { parseRecordedEndpoint } from '../../../src/sandboxes/index.ts';
import { startWorkerGateway } from '../../../src/server/index.ts';
import { FakeOpenAI } from '../../fakes/fake-openai.ts';
import { startHarness, type Harness } from '../../support/platform-harness.ts';
import { REDIS_URL, requireService } from '../../support/services.ts';
import { ownSpace, type OwnSpace } from '../../support/shared-services.ts';
import { freePort } from '../../support/spawn-node.ts';

const ready = requireService('postgres') && requireService('redis') && requireService('bwrap');

/** An api app that answers with the path and headers it received. */
const ECHO_APP = `<file path="server.js">
require('node:http').createServer((req, res) => {
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ url: req.url, headers: req.headers }));
}).listen(process.env.PORT);
</file>
`;

/**
 * API nodes reach api apps through the worker's app gateway when the worker has one (workers on
 * other hosts): here an API-only node and a worker with a gateway share PostgreSQL and Redis.
 */
// Skipped only where PostgreSQL, Redis or bubblewrap is missing; requireService() fails the run in CI instead.
describe.skipIf(!ready)('app gateway: an API node reaches apps through their worker', () => {
  const secret = randomBytes(24).toString('hex');
  let space: OwnSpace | undefined;
  let fake: FakeOpenAI;
  let worker: Harness;
  let apiNode: Harness;
  let gateway: WorkerGateway | null;
  let gatewayUrl = '';
  let appId = '';

  beforeAll(async () => {
    space = await ownSpace('gw');
    fake = await FakeOpenAI.start();
    const gatewayPort = await freePort();
    gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
    const env = { DATABASE_URL: space.databaseUrl, REDIS_URL, SPAWN_REDIS_NAMESPACE: space.namespace, SPAWN_CLUSTER_SECRET: secret };
    const providerEnv = { SPAWN_MODELS: 'openai:gpt-4.1', OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: fake.baseURL };
    worker = await startHarness({ ...env, SPAWN_GATEWAY_PORT: String(gatewayPort), SPAWN_GATEWAY_HOST: '127.0.0.1', SPAWN_GATEWAY_URL: gatewayUrl }, { worker: true, providerEnv });
    gateway = await startWorkerGateway(worker.platform);
    apiNode = await startHarness(env, { worker: false, providerEnv });
  });
  afterAll(async () => {
    await apiNode?.close();
    await gateway?.close();
    await worker?.close();
    await fake?.close();
    await space?.drop();
  });

  it('serves the app through the gateway, path and query intact, without leaking the cluster secret', async () => {
    expect(gateway).not.toBeNull();
    fake.script({ text: ECHO_APP });
    const created = await apiNode.api<CreatedSession>('POST', '/api/sessions', { prompt: 'an api that echoes requests', appType: 'api' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    appId = created.body.id;
    const end = await apiNode.waitFor(appId, ['running', 'failed'], 60_000);
    expect(end.state, JSON.stringify(end.error)).toBe('running');
    const endpoint = parseRecordedEndpoint((await worker.platform.store.sandboxes.getLiveBySession(appId))?.endpoint);
    expect(endpoint?.kind === 'gateway' && endpoint.url).toBe(gatewayUrl);

    const res = await apiNode.app(appId, '/notes/7?sort=desc');
    expect(res.status).toBe(200);
    expect(res.headers['x-spawnai-gateway'], 'answered through the gateway').toBe('1');
    const seen = JSON.parse(res.text) as { url: string; headers: Record<string, string> };
    expect(seen.url).toBe('/notes/7?sort=desc');
    expect(JSON.stringify(seen.headers)).not.toContain(secret);
    expect(seen.headers['x-spawnai-session']).toBeUndefined();
    // The worker's own proxy reaches its app directly, not through its gateway.
    expect((await worker.app(appId, '/')).headers['x-spawnai-gateway']).toBeUndefined();
  }, 90_000);

  it('refuses requests without the cluster secret, and unknown sessions', async () => {
    const ask = (headers: Record<string, string>): Promise<Response> => fetch(`${gatewayUrl}/`, { headers });
    const anonymous = await ask({ 'x-spawnai-session': appId });
    expect(anonymous.status).toBe(403);
    expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
    expect((await ask({ 'x-spawnai-session': appId, 'x-spawnai-cluster-secret': `${secret.slice(0, -1)}x` })).status).toBe(403);
    const unknown = await ask({ 'x-spawnai-session': 'a'.repeat(26), 'x-spawnai-cluster-secret': secret });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('APP_NOT_FOUND');
  });
});
