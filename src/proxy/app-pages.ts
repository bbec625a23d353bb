import type { ServerResponse } from 'node:http';

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

const STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;display:grid;place-items:center;min-height:90vh;margin:0;color:#18181b;background:#fafafa}' +
  'main{max-width:32rem;padding:2rem;text-align:center}h1{font-size:1.4rem}p{color:#52525b}' +
  '@media(prefers-color-scheme:dark){body{background:#18181b;color:#f4f4f5}p{color:#a1a1aa}}';

/** The small friendly pages the app proxy answers with instead of raw errors (never a bare 502). */
export function sendAppPage(res: ServerResponse, status: number, title: string, message: string, options: { refreshSeconds?: number; code: string }): void {
  const refresh = options.refreshSeconds ? `<meta http-equiv="refresh" content="${options.refreshSeconds}">` : '';
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">${refresh}<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></main></body></html>`;
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'x-spawnai-error': options.code,
    ...(options.refreshSeconds ? { 'retry-after': String(options.refreshSeconds) } : {}),
  });
  res.end(body);
}
