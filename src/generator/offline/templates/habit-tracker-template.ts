import { renderPage } from '../page-shell.ts';
import type { Template } from '../template.ts';

const CSS = `
main{max-width:48rem}
.grid{width:100%;border-collapse:collapse;margin-top:1rem}
.grid th,.grid td{padding:.45rem .25rem;text-align:center;border-top:1px solid var(--border)}
.grid th:first-child,.grid td:first-child{text-align:left;overflow-wrap:anywhere}
.grid thead th{border-top:0;color:var(--muted);font-weight:500;font-size:.85rem}
.grid input{width:1.25rem;height:1.25rem;accent-color:var(--accent)}
.streak{font-weight:600;white-space:nowrap}
.scroll{overflow-x:auto}
`;

const BODY = `
<section class="card">
  <form id="add" class="row">
    <input id="name" type="text" placeholder="New habit, e.g. Read 20 pages" aria-label="New habit" maxlength="80" required>
    <button class="primary" type="submit">Add habit</button>
  </form>
  <div class="scroll"><table class="grid"><thead><tr id="head"></tr></thead><tbody id="rows"></tbody></table></div>
  <p id="empty" class="empty">No habits yet: add one above.</p>
</section>
`;

const SCRIPT = String.raw`
const KEY = 'spawnai.habits';
let habits = JSON.parse(appStorage.getItem(KEY) || '[]');
const $ = (id) => document.getElementById(id);
const save = () => appStorage.setItem(KEY, JSON.stringify(habits));
const dayKey = (d) => d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');
function lastDays(n) {
  const days = [];
  for (let i = n - 1; i >= 0; i--) { const d = new Date(); d.setDate(d.getDate() - i); days.push(d); }
  return days;
}
function streak(habit) {
  let count = 0;
  const d = new Date();
  if (!habit.days[dayKey(d)]) d.setDate(d.getDate() - 1);
  while (habit.days[dayKey(d)]) { count += 1; d.setDate(d.getDate() - 1); }
  return count;
}
function cell(content) { const td = document.createElement('td'); td.append(content); return td; }
function render() {
  const days = lastDays(7);
  const head = ['Habit', ...days.map((d) => d.toLocaleDateString(undefined, { weekday: 'short' })), 'Streak', ''];
  $('head').replaceChildren(...head.map((label) => { const th = document.createElement('th'); th.textContent = label; return th; }));
  $('rows').replaceChildren(...habits.map((habit) => {
    const tr = document.createElement('tr');
    tr.append(cell(habit.name));
    for (const d of days) {
      const key = dayKey(d);
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.checked = Boolean(habit.days[key]);
      box.setAttribute('aria-label', habit.name + ' on ' + d.toDateString());
      box.addEventListener('change', () => {
        if (box.checked) habit.days[key] = true; else delete habit.days[key];
        save();
        render();
      });
      tr.append(cell(box));
    }
    const s = streak(habit);
    const span = document.createElement('span');
    span.className = 'streak';
    span.textContent = s + (s === 1 ? ' day' : ' days') + (s >= 3 ? ' 🔥' : '');
    tr.append(cell(span));
    const del = document.createElement('button');
    del.className = 'ghost';
    del.textContent = '✕';
    del.setAttribute('aria-label', 'Delete ' + habit.name);
    del.addEventListener('click', () => { habits = habits.filter((h) => h !== habit); save(); render(); });
    tr.append(cell(del));
    return tr;
  }));
  $('empty').hidden = habits.length > 0;
}
$('add').addEventListener('submit', (event) => {
  event.preventDefault();
  const name = $('name').value.trim();
  if (!name) return;
  habits.push({ id: Date.now().toString(36), name, days: {} });
  $('name').value = '';
  save();
  render();
});
render();
`;

export const habitTrackerTemplate: Template = {
  id: 'habit-tracker',
  appType: 'webapp',
  keywords: ['habit', 'streak', 'routine', 'daily', 'goal', 'tracker', 'track', 'habitude', 'quotidien', 'objectif', 'suivi', 'série'],
  description: 'A habit tracker: tick habits for each of the last seven days and watch streaks grow.',
  render: (title) => [
    { path: 'index.html', content: renderPage({ title, tagline: 'Small daily wins, one tick at a time.', css: CSS, body: BODY, script: SCRIPT }) },
  ],
};
