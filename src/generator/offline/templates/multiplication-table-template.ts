import { BASE_CSS, REPORT_CSS } from '../page-shell.ts';
import { escapeHtmlAscii, sourceStringLiteral, type Template } from '../template.ts';

const mainJs = (titleLiteral: string, cssLiteral: string) => String.raw`'use strict';
const TITLE = ${titleLiteral};
const CSS = ${cssLiteral};
const SIZE = 12;

const range = Array.from({ length: SIZE }, (_, i) => i + 1);
const squares = range.map((n) => n * n);
// Each product appears how many times in the grid: a quick look at which numbers are "popular".
const counts = new Map();
for (const a of range) for (const b of range) counts.set(a * b, (counts.get(a * b) || 0) + 1);
const popular = [...counts].sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, 8);
const cell = (a, b) => {
  const shade = Math.round((a * b * 45) / (SIZE * SIZE));
  return '<td style="background:color-mix(in srgb,var(--accent) ' + shade + '%,transparent)"' + (a === b ? ' class="sq"' : '') + '>' + a * b + '</td>';
};

const out = [];
out.push('<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">');
out.push('<title>' + TITLE + '</title>\n<style>' + CSS + '.times td,.times th{text-align:center}.times .sq{font-weight:700}</style>\n</head>\n<body>\n<main>');
out.push('<h1>' + TITLE + '</h1>\n<p class="tagline">Every product from 1 &times; 1 to ' + SIZE + ' &times; ' + SIZE + '.</p>');
out.push('<section class="card"><div class="scroll"><table class="times"><thead><tr><th>&times;</th>' + range.map((b) => '<th>' + b + '</th>').join('') + '</tr></thead><tbody>');
for (const a of range) out.push('<tr><th>' + a + '</th>' + range.map((b) => cell(a, b)).join('') + '</tr>');
out.push('</tbody></table></div></section>');
out.push('<section class="card"><h2>Square numbers</h2><p>' + squares.join(', ') + '</p></section>');
out.push('<section class="card"><h2>Products that appear most often</h2><table><thead><tr><th>Product</th><th>Times in the grid</th></tr></thead><tbody>');
for (const [product, times] of popular) out.push('<tr><td>' + product + '</td><td>' + times + '</td></tr>');
out.push('</tbody></table></section>');
out.push('<footer>Computed by a script SpawnAI built from an offline template</footer>\n</main>\n</body>\n</html>');
console.log(out.join('\n'));
`;

export const multiplicationTableTemplate: Template = {
  id: 'multiplication-table',
  appType: 'script',
  keywords: ['multiplication', 'times table', 'times', 'product', 'table', 'multiply', 'table de multiplication', 'tables', 'multiplier', 'produit'],
  description: 'A run-once Node script that prints a shaded 12 × 12 multiplication table with a few facts.',
  render: (title) => [
    { path: 'main.js', content: mainJs(sourceStringLiteral(escapeHtmlAscii(title)), sourceStringLiteral(BASE_CSS + REPORT_CSS)) },
  ],
};
