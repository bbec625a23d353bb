import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEgressProxy, type EgressProxy } from '../../../src/functions/requirements/egress-proxy.ts';
import { runInstaller } from '../../../src/functions/requirements/installer-process.ts';
import { probeInstallerSandbox, SANDBOX_PROXY_URL, type InstallerSandbox } from '../../../src/functions/requirements/installer-sandbox.ts';
import { startPipIndex, type LocalIndex } from '../../support/package-indexes.ts';
import { requireService } from '../../support/services.ts';

const PYTHON = '/usr/bin/python3';
const LEAF_EXTENSIONS = 'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n';

/** A throw-away CA and a certificate it signed for 127.0.0.1, made with openssl in `dir`. */
function makeCertificates(dir: string): { cert: string; key: string } {
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '1', '-subj', '/CN=spawnai test CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'index.key', '-out', 'index.csr', '-subj', '/CN=127.0.0.1');
  writeFileSync(join(dir, 'leaf.cnf'), LEAF_EXTENSIONS);
  openssl('x509', '-req', '-in', 'index.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'index.pem', '-days', '1', '-extfile', 'leaf.cnf');
  return { cert: readFileSync(join(dir, 'index.pem'), 'utf8'), key: readFileSync(join(dir, 'index.key'), 'utf8') };
}

const available = requireService('bwrap');

/**
 * pip inside the installer sandbox against an HTTPS index: the relay and the host's proxy carry the
 * TLS connection unchanged (a CONNECT tunnel), so the handshake is pip's with the index itself —
 * it succeeds with the index's CA given to pip, and fails certificate verification without it.
 */
// Skipped only where bubblewrap is missing; requireService() fails the run in CI instead.
describe.skipIf(!available)('the installer sandbox and an HTTPS package index', () => {
  let box: InstallerSandbox;
  let dir: string;
  let index: LocalIndex;
  let proxy: EgressProxy;

  beforeAll(async () => {
    const probed = await probeInstallerSandbox([], PYTHON);
    if (typeof probed === 'string') throw new Error(probed);
    box = probed;
    dir = mkdtempSync(join(tmpdir(), 'spawnai-installer-tls-'));
    chmodSync(dir, 0o755);
    const tls = makeCertificates(dir);
    index = await startPipIndex(join(dir, 'wheels'), [{ name: 'spawntls', version: '1.0', modules: { 'spawntls.py': 'OVER = "tls"\n' } }], { tls });
    mkdirSync(join(dir, 'egress'), { mode: 0o755 });
    proxy = await startEgressProxy(join(dir, 'egress', 'proxy.sock'), [new URL(index.url).host]);
  });
  afterAll(async () => {
    await proxy?.close();
    await index?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const pip = (target: string, extra: string[]) => {
    const command = [PYTHON, '-m', 'pip', 'install', '--isolated', '--disable-pip-version-check', '--no-input', '--no-cache-dir', '--only-binary', ':all:'];
    command.push('--index-url', `${index.url}/`, '--retries', '0', '--timeout', '20', '--target', `/build/${target}`, '--proxy', SANDBOX_PROXY_URL, ...extra, 'spawntls==1.0');
    return runInstaller({ command, cwd: dir, env: { PATH: '/usr/bin:/bin', HOME: '/build', LANG: 'C.UTF-8' }, timeoutMs: 90_000, sandbox: { box, egressDir: join(dir, 'egress') } });
  };

  it('installs from the index when pip trusts its CA (--cert), the handshake done end to end', async () => {
    const result = await pip('trusted', ['--cert', '/build/ca.pem']);
    expect(result.ok, result.log).toBe(true);
    expect(readFileSync(join(dir, 'trusted', 'spawntls.py'), 'utf8')).toContain('OVER = "tls"');
    expect(index.downloads()).toBe(1);
    expect(proxy.refused()).toEqual([]);
  });

  it('refuses the index when pip does not trust its CA: nothing in between terminates TLS', async () => {
    const before = index.downloads();
    const result = await pip('untrusted', []);
    expect(result.ok).toBe(false);
    expect(result.log).toMatch(/CERTIFICATE_VERIFY_FAILED|certificate verify failed/);
    expect(index.downloads()).toBe(before);
    expect(existsSync(join(dir, 'untrusted', 'spawntls.py'))).toBe(false);
  });
});
