import net from 'node:net';
import os from 'node:os';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_NETWORKS } from '../../src/runtime/docker/index.ts';
import { RUNTIMES, appReport, reportingServer, startSecurityHarness, type SecurityHarness, START_TIMEOUT_MS } from './support/security-harness.ts';

interface Target {
  name: string;
  host?: string;
  port?: number;
  socketPath?: string;
}

/** Tries every target once (one SYN, 1 s timeout, never any payload) and reports how it went. */
function probingServer(targets: Target[]): string {
  return reportingServer(`
const net = require('node:net');
const targets = ${JSON.stringify(targets)};
targets.push({ name: 'own port (sanity)', host: '127.0.0.1', port: Number(process.env.PORT) });
report.results = await Promise.all(targets.map((t) => new Promise((resolve) => {
  const socket = t.socketPath ? net.connect({ path: t.socketPath }) : net.connect({ host: t.host, port: t.port });
  const done = (outcome) => { socket.destroy(); resolve({ name: t.name, outcome }); };
  socket.setTimeout(1000, () => done('TIMEOUT'));
  socket.on('connect', () => done('CONNECTED'));
  socket.on('error', (err) => done(err.code || String(err)));
})));
`);
}

function listen(host: string): Promise<net.Server> {
  const server = net.createServer((socket) => {
    socket.on('error', () => undefined); // probes hang up at once
    socket.end('host service\n');
  });
  return new Promise((resolve) => server.listen(0, host, () => resolve(server)));
}

/**
 * Class 6: nothing but the app's own port is reachable from inside a sandbox. With network `none`
 * that includes the internet; with `outbound` (docker only: the platform refuses to start the
 * process runtime with it) the internet is allowed and everything else stays out of reach.
 */
const CONFIGURATIONS = RUNTIMES.flatMap((runtime) => [
  { runtime, network: 'none' as const },
  ...(runtime.name === 'docker' ? [{ runtime, network: 'outbound' as const }] : []),
]);

for (const { runtime, network } of CONFIGURATIONS) {
  // Skipped only where this runtime cannot run here; requireService() fails the run in CI instead.
  describe.skipIf(!runtime.available)(`network reach [${runtime.name}, network ${network}]`, () => {
    let h: SecurityHarness;
    let hostService: net.Server;
    beforeAll(async () => {
      h = await startSecurityHarness(runtime.name, { SPAWN_SANDBOX_NETWORK: network });
      // Stands for any host service bound to every interface (a control plane on 0.0.0.0 included).
      hostService = await listen('0.0.0.0');
    }, START_TIMEOUT_MS);
    afterAll(async () => {
      hostService?.close();
      await h?.close();
    });

    it('cannot reach the control plane, PostgreSQL, Redis, the host, a neighbour, private ranges or metadata', async () => {
      const neighbour = await h.deploy('api', {
        'server.js': `require('node:http').createServer((q, r) => r.end('neighbour')).listen(process.env.PORT);`,
      });
      expect(neighbour.state, JSON.stringify(neighbour.error)).toBe('running');
      const endpoint = (await h.platform.store.sandboxes.getLiveBySession(neighbour.id))?.endpoint ?? {};
      const servicePort = (hostService.address() as net.AddressInfo).port;
      const hostAddresses = [
        '127.0.0.1',
        ...Object.values(os.networkInterfaces())
          .flat()
          .filter((i) => i?.family === 'IPv4' && !i.internal)
          .map((i) => i?.address ?? ''),
      ];
      if (runtime.name === 'docker') {
        const info = await new Docker().getNetwork(SANDBOX_NETWORKS[network].name).inspect();
        const gateway = (info as { IPAM?: { Config?: { Gateway?: string }[] } }).IPAM?.Config?.[0]?.Gateway;
        if (gateway) hostAddresses.push(gateway);
      }
      const targets: Target[] = [];
      for (const address of hostAddresses) {
        targets.push(
          {
            name: `control plane ${address}:${h.port}`,
            host: address,
            port: h.port,
          },
          {
            name: `host service ${address}:${servicePort}`,
            host: address,
            port: servicePort,
          },
          { name: `postgres ${address}:5432`, host: address, port: 5432 },
          { name: `redis ${address}:6379`, host: address, port: 6379 },
        );
      }
      if (typeof endpoint.host === 'string')
        targets.push({
          name: 'neighbour sandbox',
          host: endpoint.host,
          port: Number(endpoint.port),
        });
      if (typeof endpoint.socketPath === 'string')
        targets.push({
          name: 'neighbour socket',
          socketPath: endpoint.socketPath,
        });
      targets.push(
        { name: 'private 10/8', host: '10.255.255.1', port: 80 },
        { name: 'private 172.16/12', host: '172.16.0.1', port: 80 },
        { name: 'private 192.168/16', host: '192.168.0.1', port: 80 },
        { name: 'CGNAT 100.64/10', host: '100.64.0.1', port: 80 },
        { name: 'cloud metadata', host: '169.254.169.254', port: 80 },
      );
      // Allowed with `outbound` (and unreachable from this offline machine either way).
      if (network === 'none') targets.push({ name: 'internet', host: '1.1.1.1', port: 53 });

      // Sanity: from the host itself the host service answers, so a CONNECTED would be caught.
      await new Promise<void>((resolve, reject) =>
        net
          .connect(servicePort, '127.0.0.1')
          .on('connect', function (this: net.Socket) {
            this.destroy();
            resolve();
          })
          .on('error', reject),
      );

      const s = await h.deploy('api', { 'server.js': probingServer(targets) });
      expect(s.state, JSON.stringify(s.error)).toBe('running');
      const report = await appReport<{
        done: boolean;
        results: { name: string; outcome: string }[];
      }>(h, s.id, 20_000);
      const outcomes = Object.fromEntries(report.results.map((r) => [r.name, r.outcome]));
      expect(outcomes['own port (sanity)']).toBe('CONNECTED');
      const reached = report.results.filter((r) => r.outcome === 'CONNECTED' && r.name !== 'own port (sanity)');
      expect(reached, JSON.stringify(outcomes, null, 1)).toEqual([]);
      expect((await h.app(neighbour.id, '/')).text).toBe('neighbour');
      await h.destroy(s.id);
      await h.destroy(neighbour.id);
    });
  });
}
