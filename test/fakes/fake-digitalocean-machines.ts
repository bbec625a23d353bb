import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** What the fake needs to run a droplet's user data on this machine. */
export interface MachineOptions {
  /** Extra environment for every worker (log level, runtime); never the join secrets. */
  env?: Record<string, string>;
  /** Droplets for which this returns false never run their user data (a host that never joins). */
  shouldBoot?: (droplet: { id: number; name: string; region: { slug: string } }) => boolean;
}

interface Machine {
  proc: ChildProcess;
  dir: string;
  gatewayPort: number;
  output: string;
  exited: Promise<void>;
}

/**
 * The fake's "hardware": runs what cloud-init would run from SpawnAI's user data — the
 * `/etc/spawnai/worker.env` heredoc it writes, then `spawnai worker` — as a local process with its
 * own data directory and gateway port, on loopback.
 */
export class DropletMachines {
  readonly machines = new Map<number, Machine>();

  constructor(private readonly options: MachineOptions) {}

  boot(droplet: { id: number; name: string; region: { slug: string }; user_data: string }): void {
    if (this.options.shouldBoot && !this.options.shouldBoot(droplet)) return;
    const env = parseWorkerEnv(droplet.user_data);
    if (!env.SPAWN_JOIN_TOKEN) return;
    void freePort().then((gatewayPort) => {
      const dir = mkdtempSync(path.join(os.tmpdir(), `fake-droplet-${droplet.id}-`));
      // Like a droplet's /var/lib/spawnai: traversable, so the sandboxes can drop root (uid 65534).
      chmodSync(dir, 0o755);
      const proc = spawn(process.execPath, ['bin/spawnai.js', 'worker', '--data-dir', dir], {
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '/tmp',
          ...this.options.env,
          ...env,
          SPAWN_GATEWAY_PORT: String(gatewayPort),
          SPAWN_GATEWAY_HOST: '127.0.0.1',
          SPAWN_GATEWAY_URL: `http://127.0.0.1:${gatewayPort}`,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const machine: Machine = { proc, dir, gatewayPort, output: '', exited: new Promise((resolve) => proc.once('exit', () => resolve())) };
      const keep = (c: Buffer): void => {
        machine.output = (machine.output + c.toString()).slice(-20_000);
      };
      proc.stdout?.on('data', keep);
      proc.stderr?.on('data', keep);
      this.machines.set(droplet.id, machine);
    });
  }

  output(id: number): string {
    return this.machines.get(id)?.output ?? '';
  }

  isRunning(id: number): boolean {
    const m = this.machines.get(id);
    return !!m && m.proc.exitCode === null && m.proc.signalCode === null;
  }

  async kill(id: number, signal: NodeJS.Signals): Promise<void> {
    const m = this.machines.get(id);
    if (!m) return;
    if (m.proc.exitCode === null && m.proc.signalCode === null) {
      m.proc.kill(signal);
      const timer = setTimeout(() => m.proc.kill('SIGKILL'), 10_000);
      await m.exited;
      clearTimeout(timer);
    }
    if (signal !== 'SIGKILL') this.#remove(id);
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.machines.keys()].map((id) => this.kill(id, 'SIGTERM')));
    for (const id of [...this.machines.keys()]) this.#remove(id);
  }

  #remove(id: number): void {
    const m = this.machines.get(id);
    if (!m) return;
    this.machines.delete(id);
    rmSync(m.dir, { recursive: true, force: true });
  }
}

/** Reads the KEY=VALUE lines of the `worker.env` heredoc in SpawnAI's user data. */
export function parseWorkerEnv(userData: string): Record<string, string> {
  const block = /cat > \/etc\/spawnai\/worker\.env <<'SPAWNAI_ENV'\n([\s\S]*?)\nSPAWNAI_ENV/.exec(userData);
  const env: Record<string, string> = {};
  for (const line of block?.[1]?.split('\n') ?? []) {
    const eq = line.indexOf('=');
    if (eq > 0) env[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return env;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}
