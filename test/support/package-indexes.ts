import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/**
 * Real package indexes on loopback for pip and npm, served from files made in the test: a PEP 503
 * "simple" index of wheels written with Python's zipfile, and a minimal npm registry (packuments
 * plus tarballs from a real `npm pack`). Nothing reaches the internet. Each counts its downloads,
 * so a test can tell a layer was installed once.
 */
export interface LocalIndex {
  url: string;
  /** Package files (wheels, tarballs) served so far. */
  downloads(): number;
  /** TCP connections accepted so far (a sandbox that must not reach this server leaves it at 0). */
  connections(): number;
  close(): Promise<void>;
}

export interface TinyWheel {
  name: string;
  version: string;
  /** module file name → source */
  modules: Record<string, string>;
  requires?: string[];
}

const WHEEL_SCRIPT = String.raw`
import base64, hashlib, json, sys, zipfile
spec = json.load(sys.stdin)
dist = spec["name"].replace("-", "_")
info = "%s-%s.dist-info" % (dist, spec["version"])
path = "%s/%s-%s-py3-none-any.whl" % (sys.argv[1], dist, spec["version"])
files = dict(spec["modules"])
files[info + "/METADATA"] = "Metadata-Version: 2.1\nName: %s\nVersion: %s\n" % (spec["name"], spec["version"]) + "".join("Requires-Dist: %s\n" % r for r in spec.get("requires", []))
files[info + "/WHEEL"] = "Wheel-Version: 1.0\nGenerator: spawnai-test\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
record = []
with zipfile.ZipFile(path, "w") as z:
    for name, text in files.items():
        data = text.encode()
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        record.append("%s,sha256=%s,%d" % (name, digest, len(data)))
        z.writestr(name, data)
    record.append(info + "/RECORD,,")
    z.writestr(info + "/RECORD", "\n".join(record) + "\n")
print(path)
`;

/** A certificate and its key (PEM) for an HTTPS index. */
export interface IndexTls {
  cert: string;
  key: string;
}

function serve(handler: (url: string, res: http.ServerResponse) => boolean, tls?: IndexTls): Promise<{ server: http.Server; url: string; connections: () => number }> {
  const listener = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    if (!handler(decodeURIComponent(req.url ?? '/'), res)) res.writeHead(404).end('not found');
  };
  const server: http.Server = tls ? https.createServer(tls, listener) : http.createServer(listener);
  let connections = 0;
  server.on(tls ? 'secureConnection' : 'connection', () => connections++);
  const scheme = tls ? 'https' : 'http';
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `${scheme}://127.0.0.1:${(server.address() as AddressInfo).port}`, connections: () => connections })),
  );
}

const closeServer = (server: http.Server) => () => new Promise<void>((r) => server.close(() => r()));
const normalise = (name: string) => name.toLowerCase().replace(/[-_.]+/g, '-');

/**
 * Writes the wheels into `dir` and serves them as a PEP 503 index at `<url>/simple/`. `links`:
 * projects whose page links a file elsewhere (project → absolute URL), as a mirror might; `tls`:
 * served over HTTPS with that certificate (connections then count completed TLS handshakes).
 */
export async function startPipIndex(dir: string, wheels: TinyWheel[], options: { links?: Record<string, string>; tls?: IndexTls } = {}, python = '/usr/bin/python3'): Promise<LocalIndex> {
  mkdirSync(dir, { recursive: true });
  for (const wheel of wheels) execFileSync(python, ['-c', WHEEL_SCRIPT, dir], { input: JSON.stringify(wheel) });
  const files = readdirSync(dir).filter((f) => f.endsWith('.whl'));
  const project = (file: string) => normalise(file.split('-')[0] as string);
  let downloads = 0;
  const { server, url, connections } = await serve((path, res) => {
    const listing = /^\/simple\/([^/]+)\/$/.exec(path);
    const elsewhere = listing ? options.links?.[normalise(listing[1] as string)] : undefined;
    if (elsewhere) {
      res.writeHead(200, { 'content-type': 'text/html' }).end(`<!DOCTYPE html><html><body><a href="${elsewhere}">${elsewhere.split('/').at(-1)}</a></body></html>`);
      return true;
    }
    if (listing) {
      const mine = files.filter((f) => project(f) === normalise(listing[1] as string));
      if (mine.length === 0) return false;
      const links = mine.map((f) => `<a href="/files/${f}#sha256=${createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')}">${f}</a>`);
      res.writeHead(200, { 'content-type': 'text/html' }).end(`<!DOCTYPE html><html><body>${links.join('\n')}</body></html>`);
      return true;
    }
    const file = /^\/files\/([^/]+\.whl)$/.exec(path)?.[1];
    if (!file || !files.includes(file)) return false;
    downloads++;
    res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(readFileSync(join(dir, file)));
    return true;
  }, options.tls);
  return { url: `${url}/simple`, downloads: () => downloads, connections, close: closeServer(server) };
}

export interface TinyNpmPackage {
  name: string;
  version: string;
  /** file name → source (package.json is written from the other fields) */
  files: Record<string, string>;
  main?: string;
  dependencies?: Record<string, string>;
  /** npm lifecycle scripts (`postinstall`…): the installer must never let them reach anything. */
  scripts?: Record<string, string>;
}

/** `npm pack`s each package in `dir` and serves packuments and tarballs like the npm registry. */
export async function startNpmRegistry(dir: string, packages: TinyNpmPackage[]): Promise<LocalIndex> {
  const versions = new Map<string, Record<string, unknown>>();
  const tarballs = new Map<string, Buffer>();
  let downloads = 0;
  const { server, url, connections } = await serve((path, res) => {
    const tarball = tarballs.get(path);
    if (tarball) {
      downloads++;
      res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(tarball);
      return true;
    }
    const doc = versions.get(path.slice(1));
    if (!doc) return false;
    const latest = Object.keys(doc).sort().at(-1) as string;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ name: path.slice(1), 'dist-tags': { latest }, versions: doc }));
    return true;
  });
  const base = url;
  for (const pkg of packages) {
    const src = join(dir, `${pkg.name}-${pkg.version}`);
    mkdirSync(src, { recursive: true });
    const manifest = { name: pkg.name, version: pkg.version, main: pkg.main ?? 'index.js', dependencies: pkg.dependencies ?? {}, scripts: pkg.scripts ?? {} };
    writeFileSync(join(src, 'package.json'), JSON.stringify(manifest));
    for (const [file, text] of Object.entries(pkg.files)) writeFileSync(join(src, file), text);
    const packed = execFileSync('npm', ['pack', '--silent', '--pack-destination', dir], { cwd: src, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir } }).toString().trim().split('\n').at(-1) as string;
    const data = readFileSync(join(dir, packed));
    const route = `/${pkg.name}/-/${packed}`;
    tarballs.set(route, data);
    const dist = { tarball: `${base}${route}`, shasum: createHash('sha1').update(data).digest('hex'), integrity: `sha512-${createHash('sha512').update(data).digest('base64')}` };
    versions.set(pkg.name, { ...versions.get(pkg.name), [pkg.version]: { ...manifest, dist } });
  }
  return { url: `${base}/`, downloads: () => downloads, connections, close: closeServer(server) };
}
