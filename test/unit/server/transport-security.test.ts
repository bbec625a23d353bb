import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/index.ts';
import { installTransportSecurity, trustProxyOption } from '../../../src/server/transport-security.ts';

function server(env: Record<string, string>) {
  const config = loadConfig({}, { SPAWN_DATA_DIR: '/tmp/spawnai-unused', ...env });
  const app = Fastify({ trustProxy: trustProxyOption(config) });
  installTransportSecurity(app, config);
  app.get('/who', async (request) => ({ ip: request.ip, protocol: request.protocol }));
  return app;
}

const forwarded = { 'x-forwarded-for': '203.0.113.7', 'x-forwarded-proto': 'https' };

describe('trusted proxies', () => {
  it('believes X-Forwarded-* only from a configured proxy address or range', async () => {
    const app = server({ SPAWN_TRUSTED_PROXIES: '10.0.0.0/8, 192.0.2.1' });
    const viaProxy = await app.inject({ url: '/who', remoteAddress: '10.1.2.3', headers: forwarded });
    expect(viaProxy.json()).toEqual({ ip: '203.0.113.7', protocol: 'https' });
    const direct = await app.inject({ url: '/who', remoteAddress: '198.51.100.9', headers: forwarded });
    expect(direct.json()).toEqual({ ip: '198.51.100.9', protocol: 'http' });
  });

  it('believes them from nobody by default', async () => {
    const res = await server({}).inject({ url: '/who', remoteAddress: '127.0.0.1', headers: forwarded });
    expect(res.json()).toEqual({ ip: '127.0.0.1', protocol: 'http' });
  });

  it('refuses a list that is not addresses or CIDR ranges, saying what it wants', () => {
    for (const bad of ['10.0.0.0/33', 'caddy', '10.0.0.1/8/1', '::1/129']) {
      expect(() => loadConfig({}, { SPAWN_TRUSTED_PROXIES: bad }), bad).toThrow(/SPAWN_TRUSTED_PROXIES.*CIDR/);
    }
  });
});

describe('HSTS', () => {
  it('is sent by the control plane under an https public URL, and only then', async () => {
    const secure = await server({ SPAWN_PUBLIC_URL: 'https://spawn.example.com' }).inject({ url: '/who' });
    expect(secure.headers['strict-transport-security']).toBe('max-age=31536000');
    const plain = await server({ SPAWN_PUBLIC_URL: 'http://localhost:7070' }).inject({ url: '/who' });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
  });
});
