import { renderPage } from '../page-shell.ts';
import type { Template } from '../template.ts';

const CSS = `
main{max-width:28rem}
label{display:block;margin:.75rem 0 .3rem;font-weight:600}
.tips{display:grid;grid-template-columns:repeat(4,1fr);gap:.4rem}
.tips button[aria-pressed=true]{background:var(--accent);border-color:var(--accent);color:var(--accent-fg)}
.card input{width:100%}
.results{margin-top:1.25rem;display:grid;gap:.5rem}
.results div{display:flex;justify-content:space-between;font-variant-numeric:tabular-nums}
.results strong{font-size:1.4rem}
`;

const BODY = `
<section class="card">
  <label for="bill">Bill amount</label>
  <input id="bill" type="number" min="0" step="0.01" inputmode="decimal" placeholder="0.00">
  <label>Tip</label>
  <div class="tips">
    <button type="button" data-tip="10" aria-pressed="false">10%</button>
    <button type="button" data-tip="15" aria-pressed="true">15%</button>
    <button type="button" data-tip="18" aria-pressed="false">18%</button>
    <button type="button" data-tip="20" aria-pressed="false">20%</button>
  </div>
  <label for="custom">Custom tip %</label>
  <input id="custom" type="number" min="0" max="100" step="1" placeholder="15">
  <label for="people">People</label>
  <input id="people" type="number" min="1" step="1" value="1">
  <div class="results" aria-live="polite">
    <div><span>Tip</span><span id="tip">0.00</span></div>
    <div><span>Total</span><span id="total">0.00</span></div>
    <div><span>Per person</span><strong id="each">0.00</strong></div>
  </div>
</section>
`;

const SCRIPT = String.raw`
let percent = 15;
const $ = (id) => document.getElementById(id);
const money = (n) => n.toLocaleString(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
function update() {
  const bill = Math.max(0, Number($('bill').value) || 0);
  const people = Math.max(1, Math.floor(Number($('people').value) || 1));
  const tip = bill * percent / 100;
  $('tip').textContent = money(tip);
  $('total').textContent = money(bill + tip);
  $('each').textContent = money((bill + tip) / people);
}
for (const b of document.querySelectorAll('[data-tip]')) {
  b.addEventListener('click', () => {
    percent = Number(b.dataset.tip);
    $('custom').value = '';
    for (const other of document.querySelectorAll('[data-tip]')) other.setAttribute('aria-pressed', String(other === b));
    update();
  });
}
$('custom').addEventListener('input', () => {
  const value = Number($('custom').value);
  if ($('custom').value !== '' && value >= 0) {
    percent = value;
    for (const other of document.querySelectorAll('[data-tip]')) other.setAttribute('aria-pressed', 'false');
  }
  update();
});
$('bill').addEventListener('input', update);
$('people').addEventListener('input', update);
update();
`;

export const tipCalculatorTemplate: Template = {
  id: 'tip-calculator',
  appType: 'webapp',
  keywords: ['tip', 'bill', 'split', 'restaurant', 'gratuity', 'share', 'pourboire', 'addition', 'partager', 'diviser', 'note de restaurant'],
  description: 'A tip calculator: bill, tip percentage and number of people give tip, total and share.',
  render: (title) => [
    { path: 'index.html', content: renderPage({ title, tagline: 'Split the bill, tip included.', css: CSS, body: BODY, script: SCRIPT }) },
  ],
};
