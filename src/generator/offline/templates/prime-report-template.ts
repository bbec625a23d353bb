import { BASE_CSS, REPORT_CSS } from '../page-shell.ts';
import { escapeHtmlAscii, sourceStringLiteral, type Template } from '../template.ts';

// The generated script prints one complete HTML page; the platform serves its stdout.
const mainJs = (titleLiteral: string, cssLiteral: string) => String.raw`'use strict';
const TITLE = ${titleLiteral};
const CSS = ${cssLiteral};
const LIMIT = 100000;
const BUCKETS = 10;

function sieve(limit) {
  const composite = new Uint8Array(limit + 1);
  const primes = [];
  for (let n = 2; n <= limit; n++) {
    if (composite[n]) continue;
    primes.push(n);
    for (let m = n * n; m <= limit; m += n) composite[m] = 1;
  }
  return primes;
}

const fmt = (n) => n.toLocaleString('en-US');
const primes = sieve(LIMIT);
let twins = 0;
let gap = { size: 0, from: 0, to: 0 };
for (let i = 1; i < primes.length; i++) {
  const d = primes[i] - primes[i - 1];
  if (d === 2) twins++;
  if (d > gap.size) gap = { size: d, from: primes[i - 1], to: primes[i] };
}
const sum = primes.reduce((a, p) => a + p, 0);
const estimate = Math.round(LIMIT / Math.log(LIMIT));
const lastDigits = [1, 3, 7, 9].map((d) => [d, primes.filter((p) => p % 10 === d).length]);
const bucketSize = LIMIT / BUCKETS;
const buckets = Array.from({ length: BUCKETS }, (_, i) => primes.filter((p) => p > i * bucketSize && p <= (i + 1) * bucketSize).length);
const maxBucket = Math.max(...buckets);

const stat = (value, label) => '<div class="stat"><b>' + value + '</b><span>' + label + '</span></div>';
const rows = (list) => list.map((cells) => '<tr>' + cells.map((c) => '<td>' + c + '</td>').join('') + '</tr>').join('\n');

console.log('<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>' + TITLE + '</title>\n<style>' + CSS + '</style>\n</head>\n<body>\n<main>');
console.log('<h1>' + TITLE + '</h1>\n<p class="tagline">Prime numbers up to ' + fmt(LIMIT) + ', counted with the sieve of Eratosthenes.</p>');
console.log('<section class="card"><h2>Key figures</h2><div class="stats">' + [
  stat(fmt(primes.length), 'primes up to ' + fmt(LIMIT)),
  stat(fmt(primes[primes.length - 1]), 'largest prime'),
  stat(fmt(twins), 'twin-prime pairs'),
  stat(gap.size, 'largest gap (' + fmt(gap.from) + ' &rarr; ' + fmt(gap.to) + ')'),
  stat(fmt(estimate), 'n / ln n estimate'),
  stat(fmt(sum), 'sum of all these primes'),
].join('') + '</div></section>');
console.log('<section class="card"><h2>How many primes in each block of ' + fmt(bucketSize) + '</h2><div class="scroll"><table><thead><tr><th>Range</th><th>Primes</th><th style="width:50%"></th></tr></thead><tbody>');
console.log(rows(buckets.map((count, i) => [fmt(i * bucketSize + 1) + ' &ndash; ' + fmt((i + 1) * bucketSize), fmt(count), '<div class="bar" style="width:' + Math.round((count / maxBucket) * 100) + '%"></div>'])));
console.log('</tbody></table></div></section>');
console.log('<section class="card"><h2>Last digit of primes above 5</h2><table><thead><tr><th>Ends in</th><th>Primes</th><th>Share</th></tr></thead><tbody>');
const odd = primes.filter((p) => p > 5).length;
console.log(rows(lastDigits.map(([d, count]) => [d, fmt(count - (d === 3 ? 1 : 0)), ((100 * (count - (d === 3 ? 1 : 0))) / odd).toFixed(2) + '%'])));
console.log('</tbody></table></section>');
console.log('<section class="card"><h2>The first 100 primes</h2><p>' + primes.slice(0, 100).join(', ') + '</p></section>');
console.log('<footer>Computed by a script SpawnAI built from an offline template</footer>\n</main>\n</body>\n</html>');
`;

export const primeReportTemplate: Template = {
  id: 'prime-report',
  appType: 'script',
  keywords: ['prime', 'number', 'statistic', 'sieve', 'math', 'nombre premier', 'premier', 'statistique', 'crible', 'maths'],
  description: 'A run-once Node script that prints an HTML report of prime-number statistics up to 100,000.',
  render: (title) => [
    { path: 'main.js', content: mainJs(sourceStringLiteral(escapeHtmlAscii(title)), sourceStringLiteral(BASE_CSS + REPORT_CSS)) },
  ],
};
