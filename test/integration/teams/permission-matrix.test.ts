import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_KEY_SCOPES, type ApiKeyScope, type Role } from '../../../src/api-types.ts';
import { loadConfig } from '../../../src/config/index.ts';
import { createLogger } from '../../../src/log/index.ts';
import { createPlatform, type Platform } from '../../../src/orchestrator/index.ts';
import { createSpawnServer, createToken, declaredRoutes, type DeclaredRoute, type SpawnServer } from '../../../src/server/index.ts';
import { ALL_SCOPES, allows } from '../../../src/teams/index.ts';

/**
 * Every route of the server × every role and API key scope, generated from the route table the
 * server itself builds (so a new route is in this matrix the moment it exists). Allowed: neither
 * 401 nor 403 and never a 5xx; denied: 403 FORBIDDEN naming the permission; another
 * organisation's ids: 404; no credential: 401.
 */
interface Caller { label: string; headers: Record<string, string>; role: Role; scopes: readonly ApiKeyScope[] }

let platform: Platform;
let server: SpawnServer;
let base = '';
const ids: Record<string, string> = {};
const callers: Caller[] = [];
let outsider: Record<string, string> = {};

async function call(method: string, url: string, headers: Record<string, string>, body?: unknown): Promise<{ status: number; body: { error?: { code: string; message: string } } & Record<string, unknown> }> {
  const res = await fetch(base + url, { method, headers: { ...headers, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) }, body: body === undefined ? undefined : JSON.stringify(body) });
  // An allowed event stream stays open: its status is the answer.
  if (res.headers.get('content-type')?.startsWith('text/event-stream')) {
    await res.body?.cancel();
    return { status: res.status, body: {} };
  }
  const text = await res.text();
  return { status: res.status, body: text.startsWith('{') ? JSON.parse(text) : {} };
}

/** A concrete URL for a route pattern: Acme's records, a bystander member, a spare key. */
function concrete(route: DeclaredRoute): string {
  return route.url.replace(/:(\w+)/g, (_, name: string) => {
    if (name === 'id') {
      if (route.url.startsWith('/api/orgs/')) return ids.org!;
      if (route.url.startsWith('/api/sessions/')) return ids.session!;
      if (route.url.startsWith('/api/functions/')) return ids.fn!;
      return 'nonexistent';
    }
    return { userId: ids.bystander!, keyId: ids.spareKey!, n: '1', token: 'no-such-invitation' }[name] ?? 'x';
  });
}

beforeAll(async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spawnai-matrix-'));
  const config = loadConfig({}, { SPAWN_PORT: '0', SPAWN_DATA_DIR: dataDir, SPAWN_LOG_LEVEL: 'error', SPAWN_RUNTIME: 'process', SPAWN_VERIFY: 'off', SPAWN_AUTH: 'required', SPAWN_MAX_ACTIVE_SESSIONS: '100', SPAWN_MAX_NEW_SESSIONS: '500' });
  platform = await createPlatform(config, createLogger(config.logLevel), { worker: false, env: {} });
  server = await createSpawnServer(platform);
  base = `http://127.0.0.1:${await server.listen()}`;
  const store = platform.store;
  const bearer = async (name: string) => ({ authorization: `Bearer ${await createToken(store, name)}` });
  const owner = await bearer('own');
  const org = await call('POST', '/api/orgs', owner, { name: 'Acme' });
  ids.org = String(org.body.id);
  const inOrg = (h: Record<string, string>) => ({ ...h, 'x-spawn-org': ids.org! });
  const roleHeaders: Record<Role, Record<string, string>> = { owner: inOrg(owner), admin: inOrg(await bearer('adm')), member: inOrg(await bearer('mem')), viewer: inOrg(await bearer('vie')) };
  for (const [user, role] of [['adm', 'admin'], ['mem', 'member'], ['vie', 'viewer'], ['bys', 'viewer']] as const) await store.orgs.putMember(ids.org, user, role);
  await createToken(store, 'bys');
  ids.bystander = 'bys';
  for (const role of ['owner', 'admin', 'member', 'viewer'] as const) callers.push({ label: `role ${role}`, headers: roleHeaders[role], role, scopes: ALL_SCOPES });
  for (const scope of API_KEY_SCOPES) {
    const key = await call('POST', `/api/orgs/${ids.org}/api-keys`, roleHeaders.owner, { name: scope, scopes: [scope] });
    callers.push({ label: `key ${scope}`, headers: { authorization: `Bearer ${String(key.body.key)}` }, role: 'owner', scopes: [scope] });
  }
  ids.spareKey = String((await call('POST', `/api/orgs/${ids.org}/api-keys`, roleHeaders.owner, { name: 'spare', scopes: ['sessions:read'] })).body.id);
  // Records of Acme, created by the member (so "their own" for the member role).
  ids.session = String((await call('POST', '/api/sessions', roleHeaders.member, { prompt: 'a todo list' })).body.id);
  const fn = await store.functions.register({ ownerId: ids.org, name: 'double', runtime: 'python', entrypoint: 'main', code: 'def main(x):\n    return x\n', inputSchema: null, timeoutSeconds: null, newId: 'fn_matrix' });
  ids.fn = fn.functionId;
  await store.ownership.setCreator('functions', fn.functionId, ids.org, 'mem');
  outsider = await bearer('out');
}, 120_000);

afterAll(async () => {
  await server?.close();
  await platform?.close();
});

describe('route × role/scope permission matrix', () => {
  it('covers every route the server registers, each with a permission', () => {
    const routes = declaredRoutes(server.app);
    expect(routes.length).toBeGreaterThan(30);
    expect(routes.filter((r) => !r.permission)).toEqual([]);
  });

  it('allows exactly what the role and scopes allow, refuses the rest with 403 FORBIDDEN, and answers 401 without a credential', async () => {
    // Destructive routes last, the organisation's own deletion at the very end.
    const routes = [...declaredRoutes(server.app)].filter((r) => r.permission !== 'public').sort((a, b) => rank(a) - rank(b));
    const failures: string[] = [];
    for (const route of routes) {
      const url = concrete(route);
      const anonymous = await call(route.method, url, {}, route.method === 'GET' ? undefined : {});
      if (anonymous.status !== 401) failures.push(`${route.method} ${route.url} without credential: ${anonymous.status}`);
      for (const caller of callers) {
        const res = await call(route.method, url, caller.headers, route.method === 'GET' || route.method === 'DELETE' ? undefined : {});
        const allowed = allows(caller, route.permission);
        const label = `${route.method} ${route.url} as ${caller.label}`;
        if (res.status >= 500) failures.push(`${label}: ${res.status}`);
        else if (allowed && (res.status === 401 || res.status === 403)) failures.push(`${label}: allowed but ${res.status} ${res.body.error?.message}`);
        else if (!allowed && (res.status !== 403 || res.body.error?.code !== 'FORBIDDEN' || !res.body.error.message.includes(route.permission))) failures.push(`${label}: should be 403 naming ${route.permission}, got ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it('lets an event stream name its organisation in the query, since EventSource cannot send X-Spawn-Org', async () => {
    const member = callers.find((c) => c.label === 'role member')!;
    const { 'x-spawn-org': org, ...withoutOrg } = member.headers;
    const url = `/api/sessions/${ids.session}/events`;
    expect((await call('GET', url, withoutOrg)).status).toBe(404); // the personal org has no such session
    expect((await call('GET', `${url}?org=${encodeURIComponent(org!)}`, withoutOrg)).status).toBe(200);
    expect((await call('GET', `${url}?org=${encodeURIComponent(org!)}`, outsider)).status).toBe(404); // not a member there
  });

  it("answers another organisation's ids with a plain 404", async () => {
    const failures: string[] = [];
    for (const route of declaredRoutes(server.app).filter((r) => r.url.includes(':id') && (r.url.startsWith('/api/orgs/') || r.url.startsWith('/api/sessions/') || r.url.startsWith('/api/functions/')))) {
      const res = await call(route.method, concrete(route), outsider, route.method === 'GET' || route.method === 'DELETE' ? undefined : {});
      if (res.status !== 404) failures.push(`${route.method} ${route.url}: ${res.status}`);
    }
    expect(failures).toEqual([]);
  }, 120_000);
});

function rank(route: DeclaredRoute): number {
  if (route.method === 'DELETE' && route.url === '/api/orgs/:id') return 3;
  if (route.method === 'DELETE' || route.url.endsWith('/restore')) return 2;
  return route.method === 'GET' ? 0 : 1;
}
