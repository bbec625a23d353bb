import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from '../../support/spawn-node.ts';

const PG_BIN = '/usr/lib/postgresql/15/bin';

function postgresUser(): { uid: number; gid: number } {
  return { uid: Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), gid: Number(execFileSync('id', ['-g', 'postgres']).toString().trim()) };
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** True when a throwaway PostgreSQL 15 cluster can be made here (binaries + a `postgres` user, as root). */
export function canRunPrivatePostgres(): boolean {
  try {
    return fs.existsSync(`${PG_BIN}/initdb`) && process.getuid?.() === 0 && postgresUser().uid > 0;
  } catch {
    return false;
  }
}

/**
 * A PostgreSQL cluster of its own (initdb in /tmp, a free loopback port), so a test can SIGKILL it
 * without touching the shared server other suites use. The postmaster runs in its own process
 * group: a kill takes its backends down with it, as a crashed host would.
 */
export class PrivatePostgres {
  readonly port: number;
  readonly #dir: string;
  readonly #user = postgresUser();
  #proc: ChildProcess | undefined;
  #log = '';

  private constructor(port: number, dir: string) {
    this.port = port;
    this.#dir = dir;
  }

  static async start(): Promise<PrivatePostgres> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spawnai-chaos-pg-'));
    const db = new PrivatePostgres(await freePort(), dir);
    fs.chownSync(dir, db.#user.uid, db.#user.gid);
    execFileSync(`${PG_BIN}/initdb`, ['-D', db.#data, '-A', 'trust', '-U', 'postgres', '--no-sync', '--no-instructions', '-E', 'UTF8'], { ...db.#user, stdio: 'pipe', timeout: 60_000 });
    await db.restart();
    return db;
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  urlFor(database: string): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  get #data(): string {
    return path.join(this.#dir, 'data');
  }

  /** Starts the postmaster (after a kill: crash recovery) and waits until it takes queries. */
  async restart(timeoutMs = 30_000): Promise<void> {
    const args = ['-D', this.#data, '-p', String(this.port), '-c', 'listen_addresses=127.0.0.1', '-k', this.#dir, '-c', 'fsync=off', '-c', 'max_connections=200'];
    const proc = spawn(`${PG_BIN}/postgres`, args, { ...this.#user, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    proc.stdout?.on('data', (c: Buffer) => (this.#log = (this.#log + c.toString()).slice(-4000)));
    proc.stderr?.on('data', (c: Buffer) => (this.#log = (this.#log + c.toString()).slice(-4000)));
    this.#proc = proc;
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      if (proc.exitCode !== null) throw new Error(`postgres exited with ${proc.exitCode}:\n${this.#log}`);
      const client = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: 1000 });
      const ok = await client.connect().then(
        () => client.query('select 1').then(() => true),
        () => false,
      );
      await client.end().catch(() => undefined);
      if (ok) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`postgres did not accept connections within ${timeoutMs} ms:\n${this.#log}`);
  }

  /** SIGKILL of the postmaster and every backend (its process group); resolves once they are gone. */
  async kill(): Promise<void> {
    const proc = this.#proc;
    if (!proc?.pid || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise((r) => proc.once('exit', r));
    process.kill(-proc.pid, 'SIGKILL');
    await exited;
    // Backends share the group; wait until none of them holds the data directory any more.
    const until = Date.now() + 10_000;
    while (Date.now() < until && fs.existsSync(path.join(this.#data, 'postmaster.pid'))) {
      if (!groupAlive(proc.pid)) break;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async createDatabase(name: string): Promise<void> {
    const client = new pg.Client({ connectionString: this.url });
    await client.connect();
    try {
      await client.query(`CREATE DATABASE ${name}`);
    } finally {
      await client.end();
    }
  }

  /** Kills the cluster and removes its files. */
  async destroy(): Promise<void> {
    await this.kill().catch(() => undefined);
    fs.rmSync(this.#dir, { recursive: true, force: true });
  }
}
