/**
 * Code shared by the offline API templates' `server.js`: plain `node:http` (no dependency to
 * install), JSON helpers with a body-size cap, `/` and `/healthz`, and a graceful SIGTERM.
 * Emitted as source text because it ends up inside the generated app, not in SpawnAI.
 */
export const SERVER_PRELUDE = String.raw`'use strict';
const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');

const PORT = Number(process.env.PORT) || 3000;
const MAX_BODY_BYTES = 16 * 1024;
const PAGE = fs.readFileSync(path.join(__dirname, 'index.html'));

class HttpError extends Error {
  constructor(status, message) { super(message); this.status = status; }
}

function sendJson(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(body === undefined ? undefined : JSON.stringify(body));
}

// Resolves with the parsed JSON body; rejects with 400/413/415 HttpErrors the handler turns into JSON.
function readJson(req) {
  return new Promise((resolve, reject) => {
    if (!String(req.headers['content-type'] || '').includes('application/json')) {
      req.resume();
      return reject(new HttpError(415, 'send the body as application/json'));
    }
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => { size += chunk.length; if (size <= MAX_BODY_BYTES) chunks.push(chunk); });
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) return reject(new HttpError(413, 'body is larger than ' + MAX_BODY_BYTES + ' bytes'));
      try { resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))); }
      catch { reject(new HttpError(400, 'body is not valid JSON')); }
    });
    req.on('error', reject);
  });
}

/** sendJson for route handlers, which return true once they have answered. */
function reply(res, status, body) {
  sendJson(res, status, body);
  return true;
}

function isObject(value) { return typeof value === 'object' && value !== null && !Array.isArray(value); }
`;

/** `route(req, res, url)` must be defined by the template; it returns false for unknown paths. */
export const SERVER_MAIN = String.raw`
const server = http.createServer(async (req, res) => {
  const url = new URL(req.url || '/', 'http://localhost');
  try {
    if (req.method === 'GET' && url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(PAGE);
    }
    if (req.method === 'GET' && url.pathname === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (!(await route(req, res, url))) sendJson(res, 404, { error: 'no route for ' + req.method + ' ' + url.pathname });
  } catch (err) {
    const status = err instanceof HttpError ? err.status : 500;
    if (status === 500) console.error(err);
    if (!res.headersSent) sendJson(res, status, { error: status === 500 ? 'internal error' : err.message });
  }
});

// No host argument: listen on every interface, so the app is reachable in a container and a namespace alike.
server.listen(PORT, () => console.log('listening on port ' + PORT));

function shutdown() {
  console.log('shutting down');
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 3000).unref();
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
`;
