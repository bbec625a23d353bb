import { renderPage } from '../page-shell.ts';
import type { Template } from '../template.ts';

const CSS = `
.todo-done span{text-decoration:line-through;color:var(--muted)}
.todo li span{flex:1;overflow-wrap:anywhere}
.filters{margin-top:1rem;justify-content:space-between}
.filters button[aria-pressed=true]{border-color:var(--accent);color:var(--accent)}
`;

const BODY = `
<section class="card todo">
  <form id="add" class="row">
    <input id="text" type="text" placeholder="What needs doing?" aria-label="New task" maxlength="200" required>
    <button class="primary" type="submit">Add</button>
  </form>
  <ul id="items" class="list"></ul>
  <p id="empty" class="empty">Nothing to do yet.</p>
  <div class="row filters">
    <span id="left" class="muted"></span>
    <div class="row">
      <button type="button" data-filter="all" aria-pressed="true">All</button>
      <button type="button" data-filter="active" aria-pressed="false">Active</button>
      <button type="button" data-filter="done" aria-pressed="false">Done</button>
    </div>
    <button type="button" id="clear" class="ghost">Clear done</button>
  </div>
</section>
`;

const SCRIPT = String.raw`
const KEY = 'spawnai.todo';
let items = JSON.parse(appStorage.getItem(KEY) || '[]');
let filter = 'all';
const list = document.getElementById('items');
const save = () => appStorage.setItem(KEY, JSON.stringify(items));
function render() {
  list.replaceChildren();
  const shown = items.filter((it) => filter === 'all' || (filter === 'done') === it.done);
  for (const it of shown) {
    const li = document.createElement('li');
    li.className = it.done ? 'todo-done' : '';
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = it.done;
    box.setAttribute('aria-label', 'Done');
    box.addEventListener('change', () => { it.done = box.checked; save(); render(); });
    const text = document.createElement('span');
    text.textContent = it.text;
    const del = document.createElement('button');
    del.className = 'ghost';
    del.textContent = '✕';
    del.setAttribute('aria-label', 'Delete ' + it.text);
    del.addEventListener('click', () => { items = items.filter((x) => x.id !== it.id); save(); render(); });
    li.append(box, text, del);
    list.append(li);
  }
  const left = items.filter((it) => !it.done).length;
  document.getElementById('left').textContent = left + (left === 1 ? ' item left' : ' items left');
  document.getElementById('empty').hidden = shown.length > 0;
}
document.getElementById('add').addEventListener('submit', (event) => {
  event.preventDefault();
  const input = document.getElementById('text');
  const text = input.value.trim();
  if (!text) return;
  items.push({ id: Date.now().toString(36) + Math.random().toString(36).slice(2, 6), text, done: false });
  input.value = '';
  save();
  render();
});
for (const button of document.querySelectorAll('[data-filter]')) {
  button.addEventListener('click', () => {
    filter = button.dataset.filter;
    for (const b of document.querySelectorAll('[data-filter]')) b.setAttribute('aria-pressed', String(b === button));
    render();
  });
}
document.getElementById('clear').addEventListener('click', () => { items = items.filter((it) => !it.done); save(); render(); });
render();
`;

export const todoTemplate: Template = {
  id: 'todo-list',
  appType: 'webapp',
  keywords: ['todo', 'to do', 'task', 'checklist', 'list', 'chore', 'errand', 'shopping', 'grocery', 'tâche', 'liste', 'à faire', 'courses', 'corvée'],
  description: 'A to-do list: add, tick off, filter and delete tasks; saved in the browser.',
  render: (title) => [
    { path: 'index.html', content: renderPage({ title, tagline: 'Add tasks, tick them off, stay on track.', css: CSS, body: BODY, script: SCRIPT }) },
  ],
};
