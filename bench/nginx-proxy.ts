import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, getStatus } from './bench-kit.ts';

export type Upstream = { socketPath: string } | { host: string; port: number };

/**
 * nginx (Debian's nginx-light) as a reverse proxy in front of one upstream, on a free loopback
 * port, from a throwaway prefix directory: the reference proxy the app proxy is compared with.
 * One worker process, as SpawnAI serves from one Node process; keep-alive to the upstream.
 */
export class NginxProxy {
  private constructor(
    readonly port: number,
    private readonly dir: string,
    private readonly proc: ChildProcess,
  ) {}

  static available(): boolean {
    return fs.existsSync('/usr/sbin/nginx');
  }

  static async start(upstream: Upstream): Promise<NginxProxy> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spawnai-bench-nginx-'));
    const port = await freePort();
    const server = 'socketPath' in upstream ? `unix:${upstream.socketPath}` : `${upstream.host}:${upstream.port}`;
    // The sandbox's socket belongs to its unprivileged user; a root-owned worker may always connect.
    const conf = `
user root;
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream app { server ${server}; keepalive 64; }
  server {
    listen 127.0.0.1:${port};
    keepalive_requests 1000000;
    location / {
      proxy_pass http://app;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
    }
  }
}
`;
    fs.writeFileSync(path.join(dir, 'nginx.conf'), conf);
    const proc = spawn('/usr/sbin/nginx', ['-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    proc.stderr?.on('data', (c: Buffer) => (err += c.toString()));
    const until = Date.now() + 10_000;
    while ((await getStatus(port, `127.0.0.1:${port}`)) !== 200) {
      if (proc.exitCode !== null || Date.now() > until) {
        proc.kill('SIGKILL');
        throw new Error(`nginx did not start: ${err}${fs.existsSync(path.join(dir, 'error.log')) ? fs.readFileSync(path.join(dir, 'error.log'), 'utf8') : ''}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    return new NginxProxy(port, dir, proc);
  }

  async stop(): Promise<void> {
    if (this.proc.exitCode === null) {
      const exited = new Promise((r) => this.proc.once('exit', r));
      this.proc.kill('SIGQUIT');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000).unref())]);
      this.proc.kill('SIGKILL');
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
