import { renderPage } from '../page-shell.ts';
import type { Template } from '../template.ts';

const CSS = `
main{max-width:24rem}
.display{text-align:right;padding:.5rem .25rem 1rem;font-variant-numeric:tabular-nums}
#expr{color:var(--muted);min-height:1.5em}
#out{font-size:2.6rem;font-weight:600;overflow-wrap:anywhere;line-height:1.2}
.keys{display:grid;grid-template-columns:repeat(4,1fr);gap:.5rem}
.keys button{font-size:1.25rem;padding:.9rem 0}
.keys .op{color:var(--accent);font-weight:700}
.keys .wide{grid-column:span 2}
`;

const KEYS = [
  ['C', 'fn'], ['±', 'fn'], ['%', 'fn'], ['÷', 'op'],
  ['7', ''], ['8', ''], ['9', ''], ['×', 'op'],
  ['4', ''], ['5', ''], ['6', ''], ['−', 'op'],
  ['1', ''], ['2', ''], ['3', ''], ['+', 'op'],
  ['0', 'wide'], ['.', ''], ['=', 'primary'],
] as const;

const BODY = `
<section class="card">
  <div class="display" aria-live="polite"><div id="expr"></div><div id="out">0</div></div>
  <div class="keys">
${KEYS.map(([key, cls]) => `    <button type="button" data-key="${key}"${cls ? ` class="${cls}"` : ''}>${key}</button>`).join('\n')}
  </div>
</section>
<p class="muted" style="text-align:center">Keyboard works too: digits, + - * /, Enter, Backspace, Escape.</p>
`;

const SCRIPT = String.raw`
let current = '0';
let previous = null;
let operator = null;
let fresh = true;
const SYMBOLS = { '+': '+', '−': '−', '×': '×', '÷': '÷' };
const format = (n) => (Number.isFinite(n) ? String(Number(n.toPrecision(12))) : 'Error');
function apply(a, op, b) {
  if (op === '+') return a + b;
  if (op === '−') return a - b;
  if (op === '×') return a * b;
  return b === 0 ? NaN : a / b;
}
function compute() {
  const result = apply(previous, operator, Number(current));
  current = format(result);
  previous = Number.isFinite(result) ? result : null;
}
function press(key) {
  if (current === 'Error' && key !== 'C') press('C');
  if (/^[0-9.]$/.test(key)) {
    if (fresh) { current = key === '.' ? '0.' : key; fresh = false; }
    else if (key === '.' && current.includes('.')) return;
    else current = current === '0' && key !== '.' ? key : current + key;
  } else if (key in SYMBOLS) {
    if (operator && !fresh) compute();
    else previous = Number(current);
    if (current !== 'Error') operator = key;
    fresh = true;
  } else if (key === '=') {
    if (operator) { compute(); operator = null; fresh = true; }
  } else if (key === 'C') {
    current = '0'; previous = null; operator = null; fresh = true;
  } else if (key === '±') {
    if (current !== '0') current = current.startsWith('-') ? current.slice(1) : '-' + current;
  } else if (key === '%') {
    current = format(Number(current) / 100);
  } else if (key === '⌫' && !fresh) {
    current = current.length > 1 && current !== '-0' ? current.slice(0, -1) : '0';
    if (current === '-') current = '0';
  }
  render();
}
function render() {
  document.getElementById('out').textContent = current;
  document.getElementById('expr').textContent = operator && previous !== null ? format(previous) + ' ' + operator : '';
}
document.querySelector('.keys').addEventListener('click', (event) => {
  const button = event.target.closest('button');
  if (button) press(button.dataset.key);
});
const KEYMAP = { '*': '×', 'x': '×', '/': '÷', '-': '−', '+': '+', 'Enter': '=', '=': '=', 'Escape': 'C', 'Backspace': '⌫', '%': '%', ',': '.' };
document.addEventListener('keydown', (event) => {
  const key = /^[0-9.]$/.test(event.key) ? event.key : KEYMAP[event.key];
  if (!key) return;
  event.preventDefault();
  press(key);
});
render();
`;

export const calculatorTemplate: Template = {
  id: 'calculator',
  appType: 'webapp',
  keywords: ['calculator', 'calc', 'arithmetic', 'math', 'add', 'multiply', 'divide', 'calculatrice', 'calculette', 'maths', 'addition', 'multiplication'],
  description: 'A pocket calculator with chained operations, percent, sign and keyboard input.',
  render: (title) => [
    { path: 'index.html', content: renderPage({ title, css: CSS, body: BODY, script: SCRIPT }) },
  ],
};
