import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { expect, it } from 'vitest';
import { SEARCH_JS, appReport, hiddenString, reportingServer, describeOnEachRuntime } from './support/security-harness.ts';

interface Outcome {
  status: number | null;
  error: string | null;
  out: string;
}

/** Privileged operations tried from inside; `succeeded` is what must never happen. */
function probeServer(opts: { secretTag: string; neighbourToken: string; readPaths: string[]; hostPid: number; ioUring: boolean }): string {
  return reportingServer(`
${SEARCH_JS}
const { spawnSync } = require('node:child_process');
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 5000 });
  return { status: r.status, error: r.error ? r.error.code : null, out: String((r.stdout || '') + (r.stderr || '')).slice(0, 300) };
};
const py = (code) => run('python3', ['-c', code]);
report.uid = process.getuid();
report.caps = fs.readFileSync('/proc/self/status', 'utf8').split('\\n').filter((l) => l.startsWith('CapEff'))[0];
report.probes = {
  mount: run('mount', ['-t', 'tmpfs', 'none', '/tmp']),
  unshareUserns: run('unshare', ['-Ur', 'true']),
  unshareNet: run('unshare', ['-n', 'true']),
  rawSocket: py('import socket; socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP)'),
  packetSocket: py('import socket; socket.socket(socket.AF_PACKET, socket.SOCK_RAW)'),
  ptraceHost: py('import ctypes,sys; libc=ctypes.CDLL(None, use_errno=True); sys.exit(0 if libc.ptrace(16, ${opts.hostPid}, 0, 0) == 0 else 1)'),
  setuidRoot: py('import os; os.setuid(0)'),
  chrootEscape: py('import os; os.chroot("/tmp")'),
};
// Kernel attack surface an app never needs (seccomp on both runtimes). x86-64 numbers; each call
// succeeds on this host outside a sandbox (checked by the test first).
if (process.arch === 'x64') {
  const syscall = (nr, args) => py('import ctypes,sys; libc=ctypes.CDLL(None, use_errno=True); sys.exit(0 if libc.syscall(' + nr + ', ' + args + ') >= 0 else 1)');
  report.probes.keyctl = syscall(250, '0, ctypes.c_int(-3), 1');
  if (${opts.ioUring}) report.probes.ioUringSetup = syscall(425, '1, ctypes.create_string_buffer(120)');
}
report.writes = {};
for (const target of ['/pwned', '/etc/pwned', '/usr/pwned', '/bin/pwned', '/var/pwned', require.resolve('express').split('/node_modules/')[0] + '/node_modules/pwned']) {
  try { fs.writeFileSync(target, 'x'); report.writes[target] = 'WRITTEN'; } catch (err) { report.writes[target] = err.code; }
}
report.reads = {};
for (const target of ${JSON.stringify(opts.readPaths)}) {
  try { fs.readFileSync(target); report.reads[target] = 'READ'; } catch (err) { report.reads[target] = err.code; }
}
report.visibleProcesses = fs.readdirSync('/proc').filter((p) => /^\\d+$/.test(p)).length;
report.search = searchEverything([${hiddenString(opts.secretTag)}, ${hiddenString(opts.neighbourToken)}]);
`);
}

/** Class 8: privilege probes and secret hunting from inside an api app. */
/**
 * Docker Engines before 25 allow io_uring in their default seccomp profile (the driver warns at
 * start-up); the process runtime's own filter refuses it everywhere.
 */
function blocksIoUring(runtime: string): boolean {
  if (runtime !== 'docker') return true;
  const version = spawnSync('docker', ['version', '--format', '{{.Server.Version}}'], { encoding: 'utf8' }).stdout.trim();
  const major = Number(version.split('.')[0]);
  if (major < 25) console.warn(`[privilege probes] Docker Engine ${version} allows io_uring in containers: not probed on docker`);
  return major >= 25;
}

describeOnEachRuntime('privilege probes', (h, runtime) => {
  it('cannot mount, nest namespaces, open raw sockets, trace the host, write the root or find any secret', async () => {
    const neighbourToken = `NEIGHBOUR-${randomUUID()}`;
    const neighbour = await h.deploy('api', {
      'server.js': `// ${neighbourToken}\nrequire('node:http').createServer((q, r) => r.end('n')).listen(process.env.PORT);`,
    });
    expect(neighbour.state, JSON.stringify(neighbour.error)).toBe('running');
    const neighbourSandbox = (await h.sandboxOf(neighbour.id)) ?? '';
    // The syscall probes below would prove nothing where the host itself refuses them.
    if (process.arch === 'x64') {
      for (const [name, call] of [['keyctl', '250, 0, ctypes.c_int(-3), 1'], ['io_uring_setup', '425, 1, ctypes.create_string_buffer(120)']]) {
        const host = spawnSync('python3', ['-c', `import ctypes,sys; libc=ctypes.CDLL(None, use_errno=True); sys.exit(0 if libc.syscall(${call}) >= 0 else 1)`]);
        expect(host.status, `${name} works on the host`).toBe(0);
      }
    }
    const readPaths = [
      path.join(h.dataDir, 'sandboxes', neighbourSandbox, 'app', 'server.js'),
      path.join(h.dataDir, '.env'),
      path.join(h.dataDir, 'spawnai.db'),
      `/proc/${process.pid}/environ`,
      '/etc/shadow',
      '/root/.bash_history',
      '/var/run/docker.sock',
    ];
    const s = await h.deploy('api', {
      'server.js': probeServer({
        secretTag: h.secretTag,
        neighbourToken,
        readPaths,
        hostPid: process.pid,
        ioUring: blocksIoUring(runtime.name),
      }),
    });
    expect(s.state, JSON.stringify(s.error)).toBe('running');
    const report = await appReport<{
      done: boolean;
      error?: string;
      uid: number;
      caps: string;
      probes: Record<string, Outcome>;
      writes: Record<string, string>;
      reads: Record<string, string>;
      visibleProcesses: number;
      search: { hits: string[]; files: number };
    }>(h, s.id, 40_000);
    const detail = JSON.stringify(report, null, 1);
    if (process.env.SECURITY_DEBUG) console.log(detail);
    expect(report.error, detail).toBeUndefined();
    expect(report.uid, 'not root inside').not.toBe(0);
    expect(report.caps, 'no effective capabilities').toMatch(/CapEff:\s+0+$/);
    for (const [name, outcome] of Object.entries(report.probes)) {
      expect(outcome.error, `${name} could not even be tried`).toBeNull();
      expect(outcome.status, `${name} must fail: ${JSON.stringify(outcome)}`).not.toBe(0);
    }
    for (const [target, outcome] of Object.entries(report.writes)) expect(outcome, `write ${target}`).not.toBe('WRITTEN');
    for (const [target, outcome] of Object.entries(report.reads)) expect(outcome, `read ${target}`).not.toBe('READ');
    expect(report.visibleProcesses, 'only the sandbox own processes are visible').toBeLessThan(20);
    expect(report.search.files, 'the search did look at files').toBeGreaterThan(0);
    expect(report.search.hits, detail).toEqual([]);
    await h.destroy(s.id);
    await h.destroy(neighbour.id);
  });
});
