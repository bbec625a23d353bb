import type { FastifyReply } from 'fastify';
import { isSpawnError, type SpawnError } from '../errors/index.ts';

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

const STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;display:grid;place-items:center;min-height:90vh;margin:0;color:#18181b;background:#fafafa}' +
  'main{max-width:32rem;padding:2rem;text-align:center}h1{font-size:1.4rem}p{color:#52525b}a{color:#4f46e5}' +
  '@media(prefers-color-scheme:dark){body{background:#18181b;color:#f4f4f5}p{color:#a1a1aa}}';

/**
 * The browser-facing sign-in routes (callback, app hand-off) are navigations, not API calls: a
 * refusal is a small page with the stable code in `X-SpawnAI-Error` and a way back, not JSON.
 */
export function sendSignInPage(reply: FastifyReply, err: SpawnError | { statusCode: number; code: string; message: string }, title: string): FastifyReply {
  const body =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>` +
    `<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(err.message)}</p><p><code>${escapeHtml(err.code)}</code></p><p><a href="/">Back to SpawnAI</a></p></main></body></html>`;
  return reply.status(err.statusCode).header('cache-control', 'no-store').header('x-spawnai-error', err.code).type('text/html; charset=utf-8').send(body);
}

export function isPageError(err: unknown): err is SpawnError {
  return isSpawnError(err) && err.statusCode < 500 ? true : isSpawnError(err) && err.code === 'SIGN_IN_UNAVAILABLE';
}
