import { execFileSync } from 'node:child_process';
import { connect, createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_PORT,
  BLOCKED_OUTBOUND_CIDRS,
  LABEL,
  SANDBOX_NETWORKS,
  type DockerDriver,
} from '../../../src/runtime/docker/index.ts';
import type { Sandbox, SandboxEndpoint } from '../../../src/runtime/index.ts';
import { requireService } from '../../support/services.ts';
import {
  assertNoLeakedContainers,
  buildRuntimeImage,
  CONNECT_PROBE,
  docker,
  IMAGE_BUILD_TIMEOUT_MS,
  makeDockerDriver,
} from './docker-fixtures.ts';
import { testSpec } from './driver-suite.ts';
import { SERVER_JS, httpGet, waitForHttp } from './sandbox-probes.ts';

const available = requireService('docker');
// MPLBACKEND/MPLCONFIGDIR come from the image (Matplotlib headless, its cache in /tmp): settings, not secrets.
const ALLOWED_ENV = ['HOME', 'LANG', 'MPLBACKEND', 'MPLCONFIGDIR', 'NODE_PATH', 'PATH', 'PORT'];
/** A launcher token is 24 random bytes in hex (newLauncherToken): nothing of that form may show. */
const TOKEN_LIKE = /[0-9a-f]{48}/;
/** An app that reports what it can see of its own process: environment, /proc, stdin. */
const SNOOPING_APP = `
const fs = require('fs');
const read = (p) => { try { return fs.readFileSync(p, 'latin1'); } catch (err) { return 'error ' + err.code; } };
const procs = fs.readdirSync('/proc').filter((d) => /^\\d+$/.test(d));
const seen = JSON.stringify({ env: process.env, argv: process.argv, procs: procs.map((p) => [read('/proc/' + p + '/environ'), read('/proc/' + p + '/cmdline')]), stdin: read('/dev/stdin') });
require('http').createServer((req, res) => res.end(seen)).listen(process.env.PORT);
`;

// Skipped only where the Docker engine is missing; requireService() fails the run in CI instead.
describe.skipIf(!available)('docker sandbox containment', () => {
  let driver: DockerDriver;
  let app: Sandbox;
  let appEndpoint: SandboxEndpoint;
  let neighbour: Sandbox;
  let neighbourAddress: string;
  let hostServer: Server;
  let hostPort: number;
  const created: string[] = [];

  async function startApp(
    overrides: Parameters<typeof testSpec>[0] = {},
  ): Promise<{ sandbox: Sandbox; endpoint: SandboxEndpoint }> {
    const sandbox = await driver.create(testSpec(overrides));
    created.push(sandbox.id);
    await driver.writeFiles(sandbox, [{ path: 'server.js', content: SERVER_JS }]);
    const endpoint = await driver.startServer(sandbox, {
      command: ['node', 'server.js'],
    });
    await waitForHttp(endpoint);
    return { sandbox, endpoint };
  }

  async function connectFrom(sandbox: Sandbox, host: string, port: number): Promise<string> {
    const result = await driver.exec(sandbox, {
      command: ['node', '-e', CONNECT_PROBE, host, String(port)],
      timeoutMs: 10_000,
    });
    return result.stdout.trim();
  }

  beforeAll(async () => {
    await buildRuntimeImage();
    process.env.SPAWN_TEST_SECRET = 's3cret';
    // The app launcher on (off by default, see DockerDriverOptions.launcher): every check below
    // then holds for launcher containers, the token test for its stdin hand-over.
    driver = makeDockerDriver(0, [], { launcher: true });
    await driver.init();
    ({ sandbox: app, endpoint: appEndpoint } = await startApp());
    let neighbourEndpoint: SandboxEndpoint;
    ({ sandbox: neighbour, endpoint: neighbourEndpoint } = await startApp());
    neighbourAddress = 'host' in neighbourEndpoint ? neighbourEndpoint.host : '';
    hostServer = createServer((socket) => socket.end('host\n'));
    await new Promise<void>((resolve) => hostServer.listen(0, '0.0.0.0', resolve));
    hostPort = (hostServer.address() as { port: number }).port;
  }, IMAGE_BUILD_TIMEOUT_MS);

  afterAll(async () => {
    delete process.env.SPAWN_TEST_SECRET;
    hostServer?.close();
    for (const id of created)
      await driver?.destroy(id).catch((err: unknown) => console.error(`cleanup of ${id} failed`, err));
    await driver?.close();
    await assertNoLeakedContainers();
  });

  it('creates the container locked down: limits, read-only root, no capabilities, no binds, labels', async () => {
    const info = await docker.getContainer(app.id).inspect();
    expect(info.HostConfig).toMatchObject({
      Memory: 256 * 1024 * 1024,
      MemorySwap: 256 * 1024 * 1024,
      NanoCpus: 1e9,
      PidsLimit: 128,
      ReadonlyRootfs: true,
      CapDrop: ['ALL'],
      Privileged: false,
      AutoRemove: false,
      NetworkMode: SANDBOX_NETWORKS.none.name,
    });
    expect(info.HostConfig.SecurityOpt).toContain('no-new-privileges');
    expect(info.HostConfig.CapAdd ?? []).toEqual([]);
    expect(info.HostConfig.Binds ?? []).toEqual([]);
    expect(info.Config.User).toBe('1000:1000');
    // The only mount is the anonymous tmpfs-backed /app volume: no host path, no docker socket.
    expect(info.Mounts.map((m) => [m.Type, m.Destination, m.Driver])).toEqual([['volume', '/app', 'local']]);
    expect(info.Mounts.some((m) => m.Source.includes('docker.sock'))).toBe(false);
    expect(info.Config.Labels).toMatchObject({
      [LABEL.managed]: 'true',
      [LABEL.session]: app.sessionId,
      [LABEL.tier]: 'test',
      [LABEL.role]: 'session',
    });
    expect(Date.parse(info.Config.Labels[LABEL.createdAt] ?? '')).not.toBeNaN();
    expect(Date.parse(info.Config.Labels[LABEL.expiresAt] ?? '')).toBeGreaterThan(Date.now());
    expect(info.Config.Env.map((e) => e.split('=')[0]).sort()).toEqual(ALLOWED_ENV);
  });

  it('has no host secrets in its environment', async () => {
    const result = await driver.exec(app, {
      command: ['env'],
      timeoutMs: 10_000,
    });
    const keys = result.stdout
      .trim()
      .split('\n')
      .map((line) => line.split('=')[0]);
    // Docker adds HOSTNAME (the container's own name, "sandbox") and the shell adds PWD.
    expect(keys.sort()).toEqual([...ALLOWED_ENV, 'HOSTNAME', 'PWD'].sort());
    expect(result.stdout).toContain('HOSTNAME=sandbox\n');
    expect(result.stdout).not.toContain('s3cret');
  });

  it("hands the launcher its token on stdin: neither Env, the command line, an exec's nor the app's view holds it", async () => {
    const info = await docker.getContainer(app.id).inspect();
    // The app runs under the launcher (the container's main process), configured through stdin.
    expect(info.Config.Labels[LABEL.launcher]).toBe('true');
    expect(info.Config.Cmd).toContain('--config-stdin');
    expect(info.Config).toMatchObject({ OpenStdin: true, StdinOnce: true });
    expect(JSON.stringify([info.Config.Env, info.Config.Cmd, info.Args])).not.toMatch(TOKEN_LIKE);
    const seen = await driver.exec(app, {
      command: ['sh', '-c', 'env; for p in /proc/[0-9]*; do cat $p/environ $p/cmdline; echo; done 2>/dev/null | tr "\\0" "\\n"'],
      timeoutMs: 10_000,
    });
    // The probe read the launcher's process: its command line is there, its token is not.
    expect(seen.stdout).toContain('--config-stdin');
    expect(seen.stdout).toContain('PORT=8080');
    expect(seen.stdout).not.toMatch(TOKEN_LIKE);
    // The launcher's source (its command line) names the variables; none is set.
    expect(seen.stdout).not.toMatch(/SPAWN_LAUNCHER_\w+=/);

    const snoop = await driver.create(testSpec());
    created.push(snoop.id);
    await driver.writeFiles(snoop, [{ path: 'server.js', content: SNOOPING_APP }]);
    const endpoint = await driver.startServer(snoop, { command: ['node', 'server.js'] });
    await waitForHttp(endpoint);
    const view = (await httpGet(endpoint, '/')).body;
    // The app is the launcher's process: it sees /proc and its stdin, but no token anywhere.
    expect(view).toContain('--config-stdin');
    expect(view).not.toMatch(TOKEN_LIKE);
    expect(view).not.toMatch(/SPAWN_LAUNCHER_\w+=/);
    // Its control port closed once it started the app: the token is of no use afterwards either.
    expect(await connectFrom(snoop, '127.0.0.1', 8079)).not.toBe('CONNECTED');
  });

  it('runs as uid 1000 with a read-only root and a writable /app', async () => {
    const result = await driver.exec(app, {
      command: ['sh', '-c', 'id -u; echo x > /app/ok && echo app-ok; echo x > /usr/x'],
      timeoutMs: 10_000,
    });
    expect(result.stdout).toBe('1000\napp-ok\n');
    expect(result.stderr).toMatch(/Read-only file system/);
    expect(result.exitCode).not.toBe(0);
  });

  it('OOM-kills an allocation larger than the memory limit', async () => {
    const small = await driver.create(testSpec({ memoryMb: 64 }));
    created.push(small.id);
    const hog =
      'const a = []; for (let i = 0; i < 400; i++) { a.push(Buffer.alloc(1 << 20, 1)); } console.log("survived");';
    const result = await driver.exec(small, {
      command: ['node', '-e', hog],
      timeoutMs: 30_000,
    });
    expect(result.stdout).not.toContain('survived');
    expect(result).toMatchObject({
      oomKilled: true,
      signal: 'SIGKILL',
      timedOut: false,
    });
  });

  it('caps the number of processes (a fork loop fails)', async () => {
    const limited = await driver.create(testSpec({ pids: 32 }));
    created.push(limited.id);
    const forkLoop = [
      'import os, time',
      'kids = []',
      'try:',
      '    for i in range(200):',
      '        pid = os.fork()',
      '        if pid == 0:',
      '            time.sleep(30)',
      '            os._exit(0)',
      '        kids.append(pid)',
      '    print("forked", len(kids))',
      'except OSError as e:',
      '    print("fork failed after", len(kids))',
      'for pid in kids:',
      '    os.kill(pid, 9)',
    ].join('\n');
    const result = await driver.exec(limited, {
      command: ['python3', '-c', forkLoop],
      timeoutMs: 20_000,
    });
    expect(result.stdout).toMatch(/^fork failed after \d+\n$/);
    expect(Number(/after (\d+)/.exec(result.stdout)?.[1])).toBeLessThan(32);
  });

  describe('network', () => {
    let gateway: string;

    beforeAll(async () => {
      const network = await docker.getNetwork(SANDBOX_NETWORKS.none.name).inspect();
      gateway = (network as { IPAM: { Config: { Gateway: string }[] } }).IPAM.Config[0]?.Gateway ?? '';
      expect(gateway).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    });

    it('the host reaches the app at the container address (the proxy path)', async () => {
      expect(appEndpoint).toMatchObject({ port: APP_PORT });
      expect((await waitForHttp(appEndpoint)).status).toBe(200);
    });

    it('the probe itself works: the sandbox reaches its own app on loopback', async () => {
      expect(await connectFrom(app, '127.0.0.1', APP_PORT)).toBe('CONNECTED');
    });

    it('cannot reach a host port bound to 0.0.0.0 through the bridge gateway', async () => {
      expect(await connectFrom(app, gateway, hostPort)).not.toBe('CONNECTED');
      // control: the same address and port answer from the host itself
      await new Promise<void>((resolve, reject) => {
        const socket = connect(hostPort, gateway, () => (socket.end(), resolve()));
        socket.on('error', reject);
      });
    });

    it('cannot reach the host PostgreSQL or Redis, on loopback or the gateway', async () => {
      for (const [host, port] of [
        ['127.0.0.1', 5432],
        ['127.0.0.1', 6379],
        [gateway, 5432],
        [gateway, 6379],
      ] as const) {
        expect(await connectFrom(app, host, port), `${host}:${port}`).not.toBe('CONNECTED');
      }
    });

    it("cannot reach another sandbox's app port", async () => {
      expect(neighbourAddress).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
      expect(await connectFrom(app, neighbourAddress, APP_PORT)).not.toBe('CONNECTED');
      expect(await connectFrom(neighbour, neighbourAddress, APP_PORT)).toBe('CONNECTED');
    });

    it('an outbound sandbox still cannot reach the host, and private ranges are dropped', async () => {
      const outbound = await driver.create(testSpec({ network: 'outbound' }));
      created.push(outbound.id);
      const network = await docker.getNetwork(SANDBOX_NETWORKS.outbound.name).inspect();
      const outGateway = (network as { IPAM: { Config: { Gateway: string }[] } }).IPAM.Config[0]?.Gateway ?? '';
      expect(await connectFrom(outbound, outGateway, hostPort)).not.toBe('CONNECTED');
      // Probing real private addresses would send traffic off this machine; check the rules instead.
      const rules = execFileSync('iptables', ['-w', '5', '-S', 'DOCKER-USER'], {
        encoding: 'utf8',
      }).split('\n');
      for (const cidr of BLOCKED_OUTBOUND_CIDRS) {
        const rule = rules.find(
          (r) => r.includes(`-i ${SANDBOX_NETWORKS.outbound.bridge} `) && r.includes(`-d ${cidr} `),
        );
        expect(rule, `DROP rule for ${cidr}`).toMatch(/-j DROP$/);
      }
    });

    it('cannot reach the cloud metadata address', async () => {
      expect(await connectFrom(app, '169.254.169.254', 80)).not.toBe('CONNECTED');
    });
  });
});
