/** A script's stdout becomes its result page: served as is when it is HTML, else shown as text. */
export function scriptResultPage(title: string, stdout: string): string {
  if (/^\s*(<!doctype html|<html)/i.test(stdout)) return stdout;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem}pre{white-space:pre-wrap;background:#f4f4f5;padding:1rem;border-radius:.5rem}@media(prefers-color-scheme:dark){body{background:#18181b;color:#e4e4e7}pre{background:#27272a}}</style></head>
<body><h1>${escapeHtml(title)}</h1><pre>${escapeHtml(stdout)}</pre></body></html>`;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
