import { describe, expect, it } from 'vitest';
import { buildKey, layerKey } from '../../../src/functions/requirements/build-key.ts';
import { layerMount } from '../../../src/functions/requirements/layer-mount.ts';
import { parseRequirements } from '../../../src/functions/requirements/requirement-specs.ts';
import { buildContainerOptions } from '../../../src/runtime/docker/container-spec.ts';
import { bwrapArgs } from '../../../src/runtime/process/bwrap-args.ts';

const refused = (runtime: 'python' | 'node', line: string) => () => parseRequirements(runtime, [line]);

describe('requirement specs', () => {
  it('accepts plain pip requirements and npm specs, normalised, sorted and de-duplicated', () => {
    expect(parseRequirements('python', ['sympy', ' pint >= 0.23 ', 'pint>=0.23', 'pandas[excel]==2.1.*', 'a.b_c-d~=1.0, !=1.0.3'])).toEqual([
      'a.b_c-d~=1.0,!=1.0.3',
      'pandas[excel]==2.1.*',
      'pint>=0.23',
      'sympy',
    ]);
    expect(parseRequirements('node', ['lodash', 'left-pad@^1.3.0', '@scope/pkg@>=1 <3', 'x@latest'])).toEqual(['@scope/pkg@>=1 <3', 'left-pad@^1.3.0', 'lodash', 'x@latest']);
    expect(parseRequirements('python', undefined)).toEqual([]);
  });

  it('refuses URLs, paths, editable installs, index options and markers (FUNCTION_REQUIREMENTS_INVALID)', () => {
    const python = ['-e git+https://x/y.git', '--index-url https://evil/simple', '--extra-index-url=https://evil', 'pkg @ https://x/p.whl', 'https://x/p.whl', './dir', '/abs/p.whl', '../p', 'pkg; os_name == "nt"', '-r other.txt', 'pkg==1.0 --hash=sha256:00', ''];
    for (const line of python) expect(refused('python', line), line).toThrow(expect.objectContaining({ code: 'FUNCTION_REQUIREMENTS_INVALID' }));
    const node = ['git+https://github.com/a/b.git', 'github:a/b', 'a/b', 'file:../x', 'https://x/y.tgz', 'alias@npm:other', '../x', 'Upper', 'x@git+ssh://h/r', 'x@file:../y', 'x@http://h/t.tgz'];
    for (const line of node) expect(refused('node', line), line).toThrow(expect.objectContaining({ code: 'FUNCTION_REQUIREMENTS_INVALID' }));
  });

  it('keys builds by runtime, index and set; layers by the resolved set, interpreter and image', () => {
    const key = buildKey('python', 'http://i/simple', ['a', 'b']);
    expect(buildKey('python', 'http://i/simple', ['a', 'b'])).toBe(key);
    expect(buildKey('python', 'http://other/simple', ['a', 'b'])).not.toBe(key);
    expect(buildKey('node', 'http://i/simple', ['a', 'b'])).not.toBe(key);
    const layer = layerKey('python', ['a==1', 'b==2'], 'Python 3.11.2', 'host');
    expect(layerKey('python', ['b==2', 'a==1'], 'Python 3.11.2', 'host')).toBe(layer);
    expect(layerKey('python', ['a==1', 'b==2'], 'Python 3.12.0', 'host')).not.toBe(layer);
    expect(layerKey('python', ['a==1', 'b==2'], 'Python 3.11.2', 'sha256:img')).not.toBe(layer);
  });
});

describe('layer mounts', () => {
  it('mounts the layer read-only in bubblewrap and docker; uses it in place without isolation', () => {
    const { mounts, env } = layerMount('python', '/data/layers/l-1', false);
    expect(env).toEqual({ PYTHONPATH: '/opt/spawnai/layer/python' });
    const args = bwrapArgs(
      { nodeBinary: '/usr/bin/node', nodeModules: '/srv/nm', forwarderPath: '/srv/f.js', roBinds: [], extraPath: [], rootEntries: [] },
      { appDir: '/d/app', runDir: '/d/run', network: 'none', env: {}, withForwarder: false, command: ['python3'], readOnlyMounts: mounts },
    );
    const at = args.indexOf('/data/layers/l-1');
    expect(args.slice(at - 1, at + 2)).toEqual(['--ro-bind', '/data/layers/l-1', '/opt/spawnai/layer']);
    const docker = buildContainerOptions({ image: 'i', name: 'n', role: 'session', sessionId: 's', tier: 't', networkName: 'net', network: 'none', owner: 'o', installation: 'x', memoryMb: 64, cpus: 1, pids: 64, readOnlyMounts: mounts });
    expect(docker.HostConfig?.Mounts).toContainEqual({ Type: 'bind', Source: '/data/layers/l-1', Target: '/opt/spawnai/layer', ReadOnly: true });
    expect(layerMount('node', '/data/layers/l-2', true)).toEqual({ mounts: [], env: { SPAWN_LAYER_NODE_MODULES: '/data/layers/l-2/node_modules' } });
  });
});
