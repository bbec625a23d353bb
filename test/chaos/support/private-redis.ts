import { spawn, type ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { freePort } from '../../support/spawn-node.ts';

/**
 * A redis-server of its own on a free loopback port, without persistence: a SIGKILL and restart
 * loses every key, as a crashed cache node would. Never the shared server other suites use.
 */
export class PrivateRedis {
  readonly port: number;
  #proc: ChildProcess | undefined;
  #log = '';

  private constructor(port: number) {
    this.port = port;
  }

  static async start(): Promise<PrivateRedis> {
    const redis = new PrivateRedis(await freePort());
    await redis.restart();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async restart(timeoutMs = 10_000): Promise<void> {
    const proc = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
    proc.stdout?.on('data', (c: Buffer) => (this.#log = (this.#log + c.toString()).slice(-3000)));
    this.#proc = proc;
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      if (proc.exitCode !== null) throw new Error(`redis-server exited with ${proc.exitCode}:\n${this.#log}`);
      const client = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      client.on('error', () => undefined);
      const ok = await client.connect().then(() => client.ping(), () => null);
      client.disconnect();
      if (ok === 'PONG') return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`redis-server did not answer within ${timeoutMs} ms:\n${this.#log}`);
  }

  async kill(): Promise<void> {
    const proc = this.#proc;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGKILL');
    await exited;
  }

  destroy(): Promise<void> {
    return this.kill();
  }
}
