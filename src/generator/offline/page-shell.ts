import { escapeHtml } from './template.ts';

export interface PageParts {
  title: string;
  /** Extra CSS for this app, appended after the shared base styles. */
  css?: string;
  /** Markup placed under the page heading, inside `<main>`. */
  body: string;
  /** Inline script body (classic script, runs after the markup). */
  script?: string;
  /** One short line under the heading. */
  tagline?: string;
}

/** Shared look: system fonts, a centred card, accessible focus rings, light and dark themes. */
export const BASE_CSS = `
:root{--bg:#f5f6fa;--fg:#1d2030;--muted:#6b7085;--card:#fff;--border:#dfe2ec;--accent:#4f5bd5;--accent-fg:#fff;--danger:#d64545;--ok:#2e9d62;color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--bg:#12141c;--fg:#e8eaf3;--muted:#9aa0b8;--card:#1c1f2b;--border:#2e3245;--accent:#8b95ff;--accent-fg:#12141c;--danger:#ff7070;--ok:#5fd39a}}
*{box-sizing:border-box}
body{margin:0;min-height:100vh;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:40rem;margin:0 auto;padding:2rem 1rem 3rem}
h1{margin:0 0 .25rem;font-size:clamp(1.5rem,5vw,2.2rem);line-height:1.2}
.tagline{margin:0 0 1.5rem;color:var(--muted)}
.card{background:var(--card);border:1px solid var(--border);border-radius:14px;padding:1.25rem;box-shadow:0 1px 3px rgb(0 0 0/.06)}
.row{display:flex;gap:.5rem;flex-wrap:wrap;align-items:center}
input,textarea,select{font:inherit;color:inherit;background:var(--bg);border:1px solid var(--border);border-radius:10px;padding:.6rem .75rem;min-width:0}
input[type=text],input[type=number],textarea{flex:1}
button{font:inherit;cursor:pointer;border:1px solid var(--border);background:var(--card);color:var(--fg);border-radius:10px;padding:.55rem 1rem}
button.primary{background:var(--accent);border-color:var(--accent);color:var(--accent-fg);font-weight:600}
button.ghost{border-color:transparent;background:transparent;color:var(--muted);padding:.3rem .5rem}
button:hover{filter:brightness(1.06)}
:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
ul.list{list-style:none;margin:1rem 0 0;padding:0}
ul.list li{display:flex;gap:.6rem;align-items:center;padding:.6rem 0;border-top:1px solid var(--border)}
.muted{color:var(--muted)}
.empty{color:var(--muted);text-align:center;padding:1rem 0 0}
footer{margin-top:2rem;text-align:center;font-size:.8rem;color:var(--muted)}
`;

/**
 * `localStorage` throws where the browser blocks storage for embedded third-party frames (the
 * preview iframe is on another site than the UI); apps then keep their data in memory instead.
 */
const SAFE_STORAGE = `const appStorage = (() => {
  try { const k = '__spawnai'; localStorage.setItem(k, k); localStorage.removeItem(k); return localStorage; }
  catch { const m = new Map(); return { getItem: (k) => (m.has(k) ? m.get(k) : null), setItem: (k, v) => m.set(k, String(v)), removeItem: (k) => m.delete(k) }; }
})();`;

export function renderPage(parts: PageParts): string {
  const title = escapeHtml(parts.title);
  const tagline = parts.tagline ? `\n<p class="tagline">${escapeHtml(parts.tagline)}</p>` : '';
  const script = parts.script ? `\n<script>\n${SAFE_STORAGE}\n${parts.script.trim()}\n</script>` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${title}</title>
<style>${BASE_CSS}${parts.css ?? ''}</style>
</head>
<body>
<main>
<h1>${title}</h1>${tagline}
${parts.body.trim()}
<footer>Built by SpawnAI from an offline template</footer>
</main>${script}
</body>
</html>
`;
}

/** Extra styles for the HTML reports that run-once scripts print (tables, bars, stat tiles). */
export const REPORT_CSS = `
main{max-width:52rem}
section.card{margin-bottom:1rem}
h2{margin:0 0 .75rem;font-size:1.15rem}
.stats{display:grid;grid-template-columns:repeat(auto-fit,minmax(10rem,1fr));gap:.75rem}
.stat{background:var(--bg);border-radius:10px;padding:.75rem}
.stat b{display:block;font-size:1.4rem;font-variant-numeric:tabular-nums}
.stat span{color:var(--muted);font-size:.85rem}
table{width:100%;border-collapse:collapse;font-variant-numeric:tabular-nums}
th,td{padding:.35rem .5rem;text-align:right;border-top:1px solid var(--border)}
th:first-child,td:first-child{text-align:left}
thead th{border-top:0;color:var(--muted);font-weight:500}
.scroll{overflow-x:auto}
.bar{height:10px;border-radius:5px;background:var(--accent);min-width:2px}
`;
