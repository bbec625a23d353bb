import { describe, expect, it } from 'vitest';
import { bwrapArgs, sandboxEnv, type BwrapHost } from '../../../src/runtime/process/bwrap-args.ts';

const host: BwrapHost = {
  nodeBinary: '/usr/bin/node',
  nodeModules: '/srv/spawnai/node_modules',
  forwarderPath: '/srv/spawnai/src/runtime/process/forwarder.js',
  roBinds: ['/opt/python/3.11'],
  extraPath: ['/opt/python/3.11/bin'],
  rootEntries: [
    { path: '/lib', symlinkTo: 'usr/lib' },
    { path: '/lib64', bind: true },
  ],
};

function argsFor(network: 'none' | 'outbound', withForwarder = false): string[] {
  return bwrapArgs(host, {
    appDir: '/data/sandboxes/sbx-1/app',
    runDir: '/data/sandboxes/sbx-1/run',
    network,
    env: { PORT: '3000' },
    withForwarder,
    command: ['node', 'server.js'],
  });
}

/** Finds `flag a b` triples such as `--ro-bind SRC DEST`. */
function pairs(args: string[], flag: string): string[][] {
  return args.flatMap((arg, i) => (arg === flag ? [[args[i + 1] ?? '', args[i + 2] ?? '']] : []));
}

describe('bwrapArgs', () => {
  it('unshares every namespace, including the network, unless outbound is allowed', () => {
    const none = argsFor('none');
    expect(none).toEqual(expect.arrayContaining(['--unshare-all', '--die-with-parent', '--new-session', '--clearenv']));
    expect(none).not.toContain('--share-net');
    expect(argsFor('outbound')).toContain('--share-net');
  });

  it('binds only the app directory writable, the rest read-only, and runs as uid 65534', () => {
    const args = argsFor('none');
    expect(pairs(args, '--bind')).toEqual([
      ['/data/sandboxes/sbx-1/app', '/app'],
      ['/data/sandboxes/sbx-1/run', '/run/spawnai'],
    ]);
    expect(pairs(args, '--ro-bind')).toContainEqual(['/usr', '/usr']);
    expect(pairs(args, '--ro-bind')).toContainEqual(['/opt/python/3.11', '/opt/python/3.11']);
    expect(pairs(args, '--symlink')).toContainEqual(['usr/lib', '/lib']);
    expect(args.join(' ')).toContain('--uid 65534 --gid 65534');
    expect(args.indexOf('--remount-ro')).toBeGreaterThan(args.lastIndexOf('--bind'));
  });

  it('puts the command after -- and binds the forwarder only for servers', () => {
    expect(argsFor('none').slice(-3)).toEqual(['--', 'node', 'server.js']);
    expect(pairs(argsFor('none'), '--ro-bind').map(([src]) => src)).not.toContain(host.forwarderPath);
    expect(pairs(argsFor('none', true), '--ro-bind')).toContainEqual([
      host.forwarderPath,
      '/opt/spawnai/forwarder.mjs',
    ]);
  });
});

describe('curated packages', () => {
  it('are bound at a fixed path that a private /tmp cannot hide', () => {
    const args = argsFor('none');
    expect(pairs(args, '--ro-bind')).toContainEqual([host.nodeModules, '/opt/spawnai/node_modules']);
    const bindAt = args.findIndex((a, i) => a === '--ro-bind' && args[i + 2] === '/opt/spawnai/node_modules');
    expect(bindAt).toBeGreaterThan(-1);
  });
});

describe('sandboxEnv', () => {
  it('holds only its own variables and the caller env, never the host env', () => {
    process.env.SPAWN_UNIT_SECRET = 'nope';
    try {
      const env = sandboxEnv(host, {
        port: 3000,
        home: '/tmp',
        env: { GREETING: 'hi', PORT: '1' },
        inBwrap: true,
      });
      expect(Object.keys(env).sort()).toEqual(['GREETING', 'HOME', 'LANG', 'NODE_PATH', 'PATH', 'PORT', 'TMPDIR']);
      expect(env.PORT).toBe('3000');
      expect(env.PATH?.startsWith('/opt/python/3.11/bin:')).toBe(true);
      // Inside bubblewrap the packages sit at a fixed path, whatever the host's (e.g. under /tmp).
      expect(env.NODE_PATH).toBe('/opt/spawnai/node_modules');
    } finally {
      delete process.env.SPAWN_UNIT_SECRET;
    }
  });
});
