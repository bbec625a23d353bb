import { describe, expect, it } from 'vitest';
import { ConfigError, isLoopbackHost, loadConfig } from '../../../src/config/index.ts';

describe('loadConfig', () => {
  it('has the documented embedded defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ host: '127.0.0.1', port: 7070, appsDomain: 'localhost', runtime: 'auto', maxPromptChars: 2000, auth: 'auto' });
    expect(c.ttl).toEqual({ defaultSeconds: 7200, minSeconds: 60, maxSeconds: 259_200 });
    expect(c.limits).toEqual({ maxActiveSessions: 3, maxNewSessions: 5, rateWindowSeconds: 900, maxFunctionConcurrency: 16 });
    expect(c.databaseUrl).toBeUndefined();
    expect(Object.isFrozen(c.ttl)).toBe(true);
  });

  it('reads variables and lets overrides (CLI flags) win', () => {
    const c = loadConfig({ SPAWN_PORT: '8080', SPAWN_MAX_TTL_SECONDS: '3600' }, { SPAWN_PORT: '9090' });
    expect(c.port).toBe(9090);
    expect(c.ttl.maxSeconds).toBe(3600);
    expect(c.ttl.defaultSeconds).toBe(3600);
  });

  it('refuses bad values with a message naming the variable', () => {
    expect(() => loadConfig({ SPAWN_PORT: 'eighty' })).toThrow(/SPAWN_PORT/);
    expect(() => loadConfig({ SPAWN_RUNTIME: 'vm' })).toThrow(ConfigError);
    expect(() => loadConfig({ SPAWN_MIN_TTL_SECONDS: '100', SPAWN_MAX_TTL_SECONDS: '50' })).toThrow(/MIN_TTL/);
    expect(() => loadConfig({ SPAWN_DEFAULT_TIER: 'huge' })).toThrow(/price table/);
  });

  it('sandboxes the requirements installer by default; its extra hosts follow the index', () => {
    expect(loadConfig({}).requirements).toMatchObject({ installerSandbox: 'bwrap', bwrap: null, extraHosts: ['files.pythonhosted.org:443'] });
    expect(loadConfig({ SPAWN_INSTALLER_BWRAP: '/opt/bwrap/bin/bwrap' }).requirements.bwrap).toBe('/opt/bwrap/bin/bwrap');
    expect(loadConfig({ SPAWN_PIP_INDEX_URL: 'http://127.0.0.1:3141/simple' }).requirements.extraHosts).toEqual([]);
    const c = loadConfig({ SPAWN_INSTALLER_SANDBOX: 'none', SPAWN_INSTALLER_ALLOWED_HOSTS: 'Files.Mirror.Example:8443, cdn.example:443' });
    expect(c.requirements).toMatchObject({ installerSandbox: 'none', extraHosts: ['files.mirror.example:8443', 'cdn.example:443'] });
    expect(() => loadConfig({ SPAWN_INSTALLER_ALLOWED_HOSTS: 'https://cdn.example' })).toThrow(/SPAWN_INSTALLER_ALLOWED_HOSTS/);
    expect(() => loadConfig({ SPAWN_INSTALLER_SANDBOX: 'off' })).toThrow(/SPAWN_INSTALLER_SANDBOX/);
  });

  it('bounds what one HTTP client may hold, with validated limits', () => {
    expect(loadConfig({}).http).toEqual({ maxJsonDepth: 64, requestTimeoutSeconds: 30, handlerTimeoutSeconds: 30, maxConnectionsPerClient: 256, trustedProxies: [] });
    const c = loadConfig({ SPAWN_MAX_JSON_DEPTH: '10', SPAWN_REQUEST_TIMEOUT_SECONDS: '2', SPAWN_HANDLER_TIMEOUT_SECONDS: '3', SPAWN_MAX_CONNECTIONS_PER_CLIENT: '4' });
    expect(c.http).toEqual({ maxJsonDepth: 10, requestTimeoutSeconds: 2, handlerTimeoutSeconds: 3, maxConnectionsPerClient: 4, trustedProxies: [] });
    expect(() => loadConfig({ SPAWN_MAX_JSON_DEPTH: '100000' })).toThrow(/SPAWN_MAX_JSON_DEPTH/);
    expect(() => loadConfig({ SPAWN_MAX_JSON_DEPTH: '0' })).toThrow(/SPAWN_MAX_JSON_DEPTH/);
    expect(() => loadConfig({ SPAWN_REQUEST_TIMEOUT_SECONDS: '0' })).toThrow(/SPAWN_REQUEST_TIMEOUT_SECONDS/);
    expect(() => loadConfig({ SPAWN_HANDLER_TIMEOUT_SECONDS: 'soon' })).toThrow(/SPAWN_HANDLER_TIMEOUT_SECONDS/);
    expect(() => loadConfig({ SPAWN_MAX_CONNECTIONS_PER_CLIENT: '0' })).toThrow(/SPAWN_MAX_CONNECTIONS_PER_CLIENT/);
  });

  it('knows loopback addresses', () => {
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('::1')).toBe(true);
    expect(isLoopbackHost('0.0.0.0')).toBe(false);
    expect(isLoopbackHost('192.168.1.2')).toBe(false);
    expect(isLoopbackHost('127.0.0.2')).toBe(true);
    expect(isLoopbackHost('127.evil.com')).toBe(false);
    expect(isLoopbackHost('localhost.evil.com')).toBe(false);
  });
});
