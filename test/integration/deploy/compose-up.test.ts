import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installationId, LABEL } from '../../../src/runtime/docker/index.ts';
import { requireService } from '../../support/services.ts';
import { freePort } from '../../support/spawn-node.ts';
import { composer, httpsRequest, projectLeftovers, ROOT, waitUntil } from './compose-support.ts';

const exec = promisify(execFile);
const available = requireService('docker') && requireService('compose') && requireService('debootstrap');
const project = `spawnaitest${randomBytes(4).toString('hex')}`;
const CONTROL = 'spawn.test';
const APPS = 'apps.spawn.test';

/**
 * The deploy bundle end to end, the way the README's production section says: the one image
 * build, `compose up` from an .env, a session created through Caddy over HTTPS (Caddy's internal
 * CA standing in for Let's Encrypt, which needs the internet), its app fetched over HTTPS, and
 * `down -v` leaving nothing of the project behind.
 */
// Skipped only where Docker, a Compose tool or debootstrap is missing; requireService() fails the run in CI instead.
describe.skipIf(!available)('deploy/compose: the bundle comes up, serves HTTPS and goes away cleanly', () => {
  let compose: Awaited<ReturnType<typeof composer>>;
  let httpsPort: number;
  let ca: string;
  let token: string;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'spawnai-compose-'));

  beforeAll(async () => {
    // The one build command; it returns in seconds when its inputs have not changed.
    await exec('bash', [path.join(ROOT, 'images/control-plane/build-offline.sh')], { timeout: 900_000, maxBuffer: 16 * 1024 * 1024 });
    const [http, https, pg, redis, gateway] = [await freePort(), await freePort(), await freePort(), await freePort(), await freePort()];
    const subnet = 200 + randomBytes(1)[0]! % 50;
    httpsPort = https;
    const env = fs.readFileSync(path.join(ROOT, 'deploy/compose/.env.example'), 'utf8');
    const overrides: Record<string, string | number> = {
      SPAWN_DOMAIN: CONTROL, SPAWN_APPS_DOMAIN: APPS, SPAWN_PUBLIC_URL: `https://${CONTROL}:${https}`, SPAWN_TLS_ISSUER: 'internal',
      SPAWN_HTTP_PORT: http, SPAWN_HTTPS_PORT: https, SPAWN_POSTGRES_PORT: pg, SPAWN_REDIS_PORT: redis, SPAWN_GATEWAY_PORT: gateway,
      POSTGRES_PASSWORD: randomBytes(12).toString('hex'), REDIS_PASSWORD: randomBytes(12).toString('hex'),
      SPAWN_CLUSTER_SECRET: randomBytes(24).toString('hex'), SPAWN_INSTALLATION: project, SPAWN_POOL_SIZE: 0,
      // A subnet of its own, so a second bundle on this engine (another run) cannot collide.
      SPAWN_NETWORK_SUBNET: `172.31.${subnet}.0/24`, SPAWN_CADDY_ADDRESS: `172.31.${subnet}.10`,
    };
    // Start from the documented .env.example so a variable it forgets breaks this test.
    const lines = env.split('\n').map((line) => {
      const key = /^([A-Z_]+)=/.exec(line)?.[1];
      return key && key in overrides ? `${key}=${overrides[key]}` : line;
    });
    const envFile = path.join(work, '.env');
    fs.writeFileSync(envFile, lines.join('\n'));
    compose = await composer(project, envFile);
    await compose(['up', '-d'], 240_000).catch(async (err: Error) => {
      throw new Error(`${err.message}\n${await compose(['logs', '--no-color', '--tail', '40']).catch(() => '')}`);
    });
    token = /spawn_[A-Za-z0-9_-]+/.exec(await compose(['logs', '--no-color', 'setup']))?.[0] ?? '';
    ca = await waitUntil("Caddy's internal root certificate", 30_000, async () => {
      const pem = await compose(['exec', '-T', 'caddy', 'cat', '/data/caddy/pki/authorities/local/root.crt'], 10_000);
      return pem.includes('BEGIN CERTIFICATE') ? pem.slice(pem.indexOf('-----BEGIN')) : undefined;
    });
  }, 600_000);

  afterAll(async () => {
    // A safety net only: the last test checks `down -v` itself.
    if (compose && (await projectLeftovers(project)).length > 0) await compose(['down', '-v', '--remove-orphans']).catch(() => undefined);
    fs.rmSync(work, { recursive: true, force: true });
  }, 180_000);

  it('the setup job created the first token', () => {
    expect(token).toMatch(/^spawn_/);
  });

  const auth = (): Record<string, string> => ({ authorization: `Bearer ${token}` });
  const session = async (id: string) =>
    JSON.parse((await httpsRequest(httpsPort, CONTROL, `/api/sessions/${id}`, ca, { headers: auth() })).text) as { state: string; appUrl: string | null };
  const create = async (body: Record<string, string>): Promise<string> => {
    const created = await httpsRequest(httpsPort, CONTROL, '/api/sessions', ca, { method: 'POST', body, headers: auth() });
    expect(created.status, created.text).toBe(201);
    return (JSON.parse(created.text) as { id: string }).id;
  };
  const reach = (id: string, states: string[]) =>
    waitUntil(`session ${id} in ${states.join('|')}`, 60_000, async () => {
      const s = await session(id);
      if (s.state === 'failed' && !states.includes('failed')) throw new Error(`session failed: ${JSON.stringify(s)}`);
      return states.includes(s.state) ? s : undefined;
    });

  it('creates a session through Caddy over HTTPS and serves its app on its own HTTPS origin', async () => {
    const auth = { authorization: `Bearer ${token}` };
    expect((await httpsRequest(httpsPort, CONTROL, '/api/sessions', ca)).status, 'no token, no API').toBe(401);
    const created = await httpsRequest(httpsPort, CONTROL, '/api/sessions', ca, { method: 'POST', body: { prompt: 'a todo list', appType: 'webapp' }, headers: auth });
    expect(created.status, created.text).toBe(201);
    expect(created.certNames).toContain(`DNS:${CONTROL}`);
    const id = (JSON.parse(created.text) as { id: string }).id;
    const running = await waitUntil('the session running', 60_000, async () => {
      const s = JSON.parse((await httpsRequest(httpsPort, CONTROL, `/api/sessions/${id}`, ca, { headers: auth })).text) as { state: string; appUrl: string | null };
      if (s.state === 'failed') throw new Error(`session failed: ${JSON.stringify(s)}`);
      return s.state === 'running' ? s : undefined;
    });
    expect(running.appUrl).toBe(`https://${id}.${APPS}:${httpsPort}/`);
    const app = await httpsRequest(httpsPort, `${id}.${APPS}`, '/', ca);
    expect(app.status).toBe(200);
    expect(app.text).toMatch(/<html/i);
    expect(app.certNames).toEqual([`DNS:${id}.${APPS}`]);
    await expect(httpsRequest(httpsPort, `${'a'.repeat(26)}.${APPS}`, '/', ca), 'no certificate for an unknown app').rejects.toThrow();
  });

  it("serves an api app from a sandbox on the host's Docker engine, through the worker's gateway", async () => {
    const id = await create({ prompt: 'a notes REST API', appType: 'api' });
    expect((await reach(id, ['running'])).appUrl).toBe(`https://${id}.${APPS}:${httpsPort}/`);
    const app = await httpsRequest(httpsPort, `${id}.${APPS}`, '/', ca);
    expect(app.status, app.text).toBe(200);
    const sandboxes = `label=${LABEL.installation}=${installationId(`/var/lib/spawnai/${project}`)}`;
    expect((await exec('docker', ['ps', '-q', '--filter', sandboxes])).stdout.trim(), 'the sandbox runs on the host engine').not.toBe('');
    expect((await httpsRequest(httpsPort, CONTROL, `/api/sessions/${id}`, ca, { method: 'DELETE', headers: auth() })).status).toBe(202);
    await reach(id, ['destroyed']);
    await waitUntil('the sandbox container removed', 30_000, async () => ((await exec('docker', ['ps', '-aq', '--filter', sandboxes])).stdout.trim() === '' ? true : undefined));
  });

  it('`down -v` leaves no container, network or volume of the project', async () => {
    expect(await projectLeftovers(project)).not.toEqual([]);
    await compose(['down', '-v', '--remove-orphans']);
    expect(await projectLeftovers(project)).toEqual([]);
  });
});
