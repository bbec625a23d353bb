import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A tiny origin serving fixed files, for pages the verifier checks; counts every request. */
export interface FixtureOrigin {
  url: string;
  hits: string[];
  close(): Promise<void>;
}

export type Files = Record<string, string | { status: number; body: string; type?: string }>;

const TYPES: Record<string, string> = { html: 'text/html', js: 'text/javascript', json: 'application/json', css: 'text/css' };

export async function serveFiles(files: Files, host = 'app'): Promise<FixtureOrigin> {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    hits.push(`${req.method} ${path}`);
    const entry = files[path === '/' ? '/index.html' : path];
    if (entry === undefined) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    const { status, body, type } = typeof entry === 'string' ? { status: 200, body: entry, type: undefined } : entry;
    res.writeHead(status, { 'content-type': type ?? TYPES[path.split('.').pop() ?? 'html'] ?? 'text/html' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    // Chromium resolves every *.localhost name to loopback: each fixture is its own origin.
    url: `http://${host}.localhost:${port}/`,
    hits,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export const COUNTER_HTML = `<!doctype html><html><body><h1>Counter</h1><p id="count">0</p><button id="increment">+1</button><script src="/app.js"></script></body></html>`;
export const COUNTER_JS = `let n = 0;\ndocument.getElementById('increment').addEventListener('click', () => {\n  n += 1;\n  document.getElementById('count').textContent = String(n);\n});\n`;
/** The commonest broken shape: the script looks up an id the page does not have. */
export const BROKEN_COUNTER_JS = `let n = 0;\ndocument.getElementById('inc').addEventListener('click', () => {\n  n += 1;\n});\n`;
export const BOOKS_HTML = `<!doctype html><html><body><h1>Books</h1><ul id="list"></ul><script>fetch('/api/books').then(r => r.json()).then(b => { for (const t of b) { const li = document.createElement('li'); li.textContent = t; document.getElementById('list').append(li); } }).catch(() => {});</script></body></html>`;
