import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEgressProxy, type EgressProxy } from '../../../src/functions/requirements/egress-proxy.ts';
import { runInstaller } from '../../../src/functions/requirements/installer-process.ts';
import { probeInstallerSandbox, type InstallerSandbox } from '../../../src/functions/requirements/installer-sandbox.ts';
import { requireService } from '../../support/services.ts';

const PYTHON = '/usr/bin/python3';

/**
 * What an installer (or a package's setup code) can do from inside the requirements sandbox:
 * reach the allowed index through the relay and the host's proxy — plainly and through a CONNECT
 * tunnel, which carries TLS unchanged — and nothing else: not another host:port through the proxy,
 * not a loopback port directly. Checked with Python's sockets, not pip's error messages.
 */
const PROBE = String.raw`
import json, socket, sys, urllib.request
index, other = int(sys.argv[1]), int(sys.argv[2])
out = {}
def attempt(name, fn):
    try:
        out[name] = fn()
    except Exception as e:
        out[name] = "error: " + type(e).__name__
def direct():
    socket.create_connection(("127.0.0.1", other), timeout=3).close()
    return "connected"
def via_proxy(port):
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({"http": "http://127.0.0.1:3128"}))
    return opener.open("http://127.0.0.1:%d/hello" % port, timeout=5).read().decode()
def tunnel(port):
    s = socket.create_connection(("127.0.0.1", 3128), timeout=5)
    s.sendall(b"CONNECT 127.0.0.1:%d HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n\r\n" % (port, port))
    status = s.recv(4096).split(b"\r\n")[0].decode()
    if " 200 " not in status:
        return status
    s.sendall(b"GET /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    data = b""
    while chunk := s.recv(4096):
        data += chunk
    return data.split(b"\r\n\r\n", 1)[1].decode()
attempt("direct_other", direct)
attempt("proxy_index", lambda: via_proxy(index))
attempt("proxy_other", lambda: via_proxy(other))
attempt("tunnel_index", lambda: tunnel(index))
attempt("tunnel_other", lambda: tunnel(other))
print(json.dumps(out))
`;

function countingServer(body: string): Promise<{ server: http.Server; port: number; connections: () => number }> {
  let connections = 0;
  const server = http.createServer((_req, res) => res.end(body));
  server.on('connection', () => connections++);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as AddressInfo).port, connections: () => connections })));
}

const available = requireService('bwrap');

// Skipped only where bubblewrap is missing; requireService() fails the run in CI instead.
describe.skipIf(!available)('the requirements installer sandbox', () => {
  let box: InstallerSandbox;
  let index: Awaited<ReturnType<typeof countingServer>>;
  let other: Awaited<ReturnType<typeof countingServer>>;
  let dir: string;
  let proxy: EgressProxy;

  beforeAll(async () => {
    const probed = await probeInstallerSandbox([], PYTHON);
    if (typeof probed === 'string') throw new Error(probed);
    box = probed;
    index = await countingServer('from the index');
    other = await countingServer('from elsewhere');
    dir = mkdtempSync(join(tmpdir(), 'spawnai-installer-'));
    chmodSync(dir, 0o755);
    proxy = await startEgressProxy(join(dir, 'proxy.sock'), [`127.0.0.1:${index.port}`]);
  });
  afterAll(async () => {
    await proxy?.close();
    index?.server.close();
    other?.server.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reaches the allowed host:port through the proxy (plain and tunnelled) and nothing else', async () => {
    const command = [PYTHON, '-c', PROBE, String(index.port), String(other.port)];
    const result = await runInstaller({ command, cwd: dir, env: { PATH: '/usr/bin:/bin', HOME: '/build' }, timeoutMs: 60_000, sandbox: { box, egressDir: dir } });
    expect(result.ok, result.log).toBe(true);
    const out = JSON.parse(result.log.trim().split('\n').at(-1) as string) as Record<string, string>;
    expect(out).toEqual({
      direct_other: expect.stringMatching(/^error: /),
      proxy_index: 'from the index',
      proxy_other: 'error: HTTPError',
      tunnel_index: 'from the index',
      tunnel_other: 'HTTP/1.1 403 Forbidden',
    });
    expect(other.connections()).toBe(0);
    expect(index.connections()).toBe(2);
    expect(proxy.refused()).toEqual([`127.0.0.1:${other.port}`]);
  });

  it('sees no environment but its own, and writes only its build directory', async () => {
    process.env.SPAWN_TEST_SECRET = 'host-secret';
    const script = 'import os\nfor p in ["/build/ok", "/usr/x", "/etc/x"]:\n    try:\n        open(p, "w").write("1"); print(p, "written")\n    except OSError as e:\n        print(p, type(e).__name__)\nprint(sorted(os.environ))';
    const result = await runInstaller({ command: [PYTHON, '-c', script], cwd: dir, env: { PATH: '/usr/bin:/bin', HOME: '/build' }, timeoutMs: 60_000, sandbox: { box, egressDir: dir } });
    delete process.env.SPAWN_TEST_SECRET;
    expect(result.ok, result.log).toBe(true);
    expect(result.log).toContain('/build/ok written');
    expect(result.log).toMatch(/\/usr\/x (PermissionError|OSError)/);
    expect(result.log).toMatch(/\/etc\/x (PermissionError|OSError|FileNotFoundError)/);
    expect(result.log).not.toContain('SPAWN_TEST_SECRET');
  });

  it('runs under the process sandboxes\' seccomp filter: eBPF, keyrings and io_uring are refused with EPERM', async () => {
    expect(box.seccomp, 'a filter is defined for this architecture').not.toBeNull();
    // x86-64 numbers: bpf 321, add_key 248, io_uring_setup 425; each fails with EPERM (1), not ENOSYS or EINVAL.
    const script = 'import ctypes\nlibc = ctypes.CDLL(None, use_errno=True)\nfor name, nr in [("bpf", 321), ("add_key", 248), ("io_uring_setup", 425)]:\n    r = libc.syscall(nr, 0, 0, 0, 0)\n    print(name, r, ctypes.get_errno())';
    const result = await runInstaller({ command: [PYTHON, '-c', script], cwd: dir, env: { PATH: '/usr/bin:/bin', HOME: '/build' }, timeoutMs: 60_000, sandbox: { box, egressDir: dir } });
    expect(result.ok, result.log).toBe(true);
    for (const name of ['bpf', 'add_key', 'io_uring_setup']) expect(result.log).toContain(`${name} -1 1\n`);
  });

  it('refuses clearly where bubblewrap is missing or broken', async () => {
    expect(await probeInstallerSandbox([], PYTHON, null)).toBe('bubblewrap (bwrap) is not installed');
    expect(await probeInstallerSandbox([], PYTHON, '/nonexistent/bwrap')).toBe('bubblewrap (bwrap) is not installed at /nonexistent/bwrap');
    expect(await probeInstallerSandbox([], PYTHON, '/bin/false')).toMatch(/^\/bin\/false does not work here/);
  });
});
