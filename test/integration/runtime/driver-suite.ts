import { randomUUID } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox, SandboxDriver, SandboxEndpoint, SandboxSpec } from '../../../src/runtime/index.ts';
import { SERVER_JS, httpGet, pidsWithMarker, waitForHttp, waitUntil } from './sandbox-probes.ts';

export interface DriverSuiteOptions {
  /** When set, the whole suite is skipped and this reason printed. */
  skipReason?: string;
}

export function testSpec(overrides: Partial<SandboxSpec> = {}): SandboxSpec {
  return {
    sessionId: `test-${randomUUID()}`,
    kind: 'server',
    tier: 'test',
    memoryMb: 256,
    cpus: 1,
    pids: 128,
    network: 'none',
    expiresAt: new Date(Date.now() + 10 * 60_000),
    ...overrides,
  };
}

/**
 * The SandboxDriver contract, run against every driver. Each driver's test file calls this once
 * per configuration; everything a test creates is destroyed in afterAll, even on failure.
 */
export function defineDriverSuite(
  name: string,
  makeDriver: () => Promise<SandboxDriver>,
  options: DriverSuiteOptions = {},
): void {
  if (options.skipReason) console.warn(`[skip] driver suite "${name}": ${options.skipReason}`);

  // Skipped only with a reason from the caller (engine or bubblewrap missing); requireService() fails the run in CI instead.
  describe.skipIf(options.skipReason !== undefined)(`SandboxDriver contract: ${name}`, () => {
    let driver: SandboxDriver;
    let app: Sandbox;
    let endpoint: SandboxEndpoint;
    const created: string[] = [];

    async function startApp(marker: string): Promise<{ sandbox: Sandbox; endpoint: SandboxEndpoint }> {
      const sandbox = await driver.create(testSpec());
      created.push(sandbox.id);
      await driver.writeFiles(sandbox, [{ path: 'server.js', content: SERVER_JS }]);
      const ep = await driver.startServer(sandbox, {
        command: ['node', 'server.js', marker],
      });
      return { sandbox, endpoint: ep };
    }

    beforeAll(async () => {
      process.env.SPAWN_TEST_SECRET = 's3cret';
      driver = await makeDriver();
      await driver.init();
      ({ sandbox: app, endpoint } = await startApp(`marker-${randomUUID()}`));
    });

    afterAll(async () => {
      delete process.env.SPAWN_TEST_SECRET;
      for (const id of created) {
        await driver?.destroy(id).catch((err: unknown) => console.error(`cleanup of sandbox ${id} failed`, err));
      }
      await driver?.close();
    });

    it('serves a Node HTTP app through its endpoint, and curated packages resolve', async () => {
      const answer = await waitForHttp(endpoint);
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body)).toEqual({
        hello: 'from the sandbox',
        express: 'function',
      });
      expect(await driver.health(app)).toEqual({ ok: true });
    });

    it('lists the sandbox with its session id label', async () => {
      const info = (await driver.list()).find((s) => s.id === app.id);
      expect(info?.sessionId).toBe(app.sessionId);
      expect(info?.labels.sessionId).toBe(app.sessionId);
    });

    it('exec returns stdout, stderr and the exit code', async () => {
      const result = await driver.exec(app, {
        command: ['node', '-e', "console.log('out'); console.error('err'); process.exit(4)"],
        timeoutMs: 15_000,
      });
      expect(result).toMatchObject({
        exitCode: 4,
        stdout: 'out\n',
        timedOut: false,
        oomKilled: false,
      });
      expect(result.stderr).toContain('err');
    });

    it('exec output is cut at maxOutputBytes with a marker', async () => {
      const result = await driver.exec(app, {
        command: ['node', '-e', "process.stdout.write('x'.repeat(100000))"],
        timeoutMs: 15_000,
        maxOutputBytes: 1000,
      });
      expect(result.exitCode).toBe(0);
      expect(result.stdout.startsWith('x'.repeat(1000))).toBe(true);
      expect(result.stdout.length).toBeLessThan(1100);
      expect(result.stdout).toMatch(/truncated/);
    });

    it('exec timeout kills the whole tree and reports timedOut', async () => {
      const marker = `timeout-${randomUUID()}`;
      const script = `require('child_process').spawn('sleep', ['30', '${marker}'], { stdio: 'ignore' }); setInterval(() => {}, 1000);`;
      const result = await driver.exec(app, {
        command: ['node', '-e', script, marker],
        timeoutMs: 1_000,
      });
      expect(result.timedOut).toBe(true);
      expect(result.durationMs).toBeLessThan(10_000);
      expect(await waitUntil(() => pidsWithMarker(marker).length === 0, 3_000)).toBe(true);
    });

    it('the environment holds the caller env and no host secrets', async () => {
      const result = await driver.exec(app, {
        command: ['env'],
        env: { GREETING: 'hi' },
        timeoutMs: 15_000,
      });
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toContain('GREETING=hi');
      expect(result.stdout).not.toContain('s3cret');
      expect(result.stdout).not.toContain('SPAWN_TEST_SECRET');
      expect(result.stdout).not.toMatch(/DATABASE_URL|API_KEY|REDIS_URL/);
    });

    it('can write in its app directory but not outside it', async () => {
      const name = `spawn-test-${randomUUID()}`;
      try {
        const inside = await driver.exec(app, {
          command: ['sh', '-c', 'echo ok > ./written.txt && cat ./written.txt'],
          timeoutMs: 15_000,
        });
        expect(inside.stdout).toBe('ok\n');
        for (const dir of ['/usr', '/etc']) {
          const outside = await driver.exec(app, {
            command: ['sh', '-c', `echo x > ${dir}/${name}`],
            timeoutMs: 15_000,
          });
          expect(outside.exitCode, `writing ${dir}/${name}`).not.toBe(0);
          expect(existsSync(`${dir}/${name}`)).toBe(false);
        }
      } finally {
        for (const dir of ['/usr', '/etc']) rmSync(`${dir}/${name}`, { force: true });
      }
    });

    it('pause stops the app answering and resume brings it back', async (ctx) => {
      // Both drivers in this repo can pause; the guard keeps the contract usable for one that cannot.
      if (!driver.capabilities.supportsPause || !driver.pause || !driver.resume) return ctx.skip('driver cannot pause');
      await waitForHttp(endpoint);
      await driver.pause(app);
      try {
        await expect(httpGet(endpoint, '/', 500)).rejects.toThrow();
      } finally {
        await driver.resume(app);
      }
      expect((await waitForHttp(endpoint, '/', 5_000)).status).toBe(200);
    });

    it('health reports the exit once the app stops', async () => {
      expect(await driver.health(app)).toEqual({ ok: true });
      await httpGet(endpoint, '/exit');
      expect(await waitUntil(async () => !(await driver.health(app)).ok, 5_000)).toBe(true);
      expect((await driver.health(app)).reason).toMatch(/exited with code 3/);
    });

    it('destroy kills everything, is idempotent, and the sandbox disappears', async () => {
      const marker = `destroy-${randomUUID()}`;
      const { sandbox, endpoint: ep } = await startApp(marker);
      await waitForHttp(ep);
      expect(pidsWithMarker(marker).length).toBeGreaterThan(0);

      expect(await driver.destroy(sandbox.id)).toBe(true);
      expect(await driver.destroy(sandbox.id)).toBe(false);
      expect(pidsWithMarker(marker)).toEqual([]);
      await expect(httpGet(ep, '/', 1_000)).rejects.toThrow();
      expect((await driver.list()).map((s) => s.id)).not.toContain(sandbox.id);
    });
  });
}
