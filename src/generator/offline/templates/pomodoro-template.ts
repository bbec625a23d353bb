import { renderPage } from '../page-shell.ts';
import type { Template } from '../template.ts';

const CSS = `
.timer{text-align:center}
.modes{justify-content:center}
.modes button[aria-pressed=true]{border-color:var(--accent);color:var(--accent)}
#clock{font-size:clamp(3.5rem,18vw,6rem);font-variant-numeric:tabular-nums;font-weight:700;margin:.5rem 0}
.bar{height:6px;border-radius:3px;background:var(--border);overflow:hidden;margin-bottom:1rem}
.bar div{height:100%;width:0;background:var(--accent);transition:width .3s}
.controls{justify-content:center}
.tasks{margin-top:1rem}
.tasks li span{flex:1;cursor:pointer;overflow-wrap:anywhere}
.tasks li.done span{text-decoration:line-through;color:var(--muted)}
.tasks li.current{font-weight:600}
.tasks li.current span::before{content:"▶ ";color:var(--accent)}
`;

const BODY = `
<section class="card timer">
  <div class="row modes">
    <button type="button" data-mode="focus" aria-pressed="true">Focus</button>
    <button type="button" data-mode="short" aria-pressed="false">Short break</button>
    <button type="button" data-mode="long" aria-pressed="false">Long break</button>
  </div>
  <div id="clock" role="timer" aria-live="off">25:00</div>
  <div class="bar"><div id="bar"></div></div>
  <div class="row controls">
    <button id="start" class="primary" type="button">Start</button>
    <button id="reset" type="button">Reset</button>
  </div>
  <p class="muted" id="stats"></p>
</section>
<section class="card tasks">
  <form id="add" class="row">
    <input id="task" type="text" placeholder="What are you working on?" aria-label="New task" maxlength="200" required>
    <button class="primary" type="submit">Add</button>
  </form>
  <ul id="list" class="list"></ul>
  <p id="empty" class="empty">Add a task, then click it to focus on it.</p>
</section>
`;

const SCRIPT = String.raw`
const MINUTES = { focus: 25, short: 5, long: 15 };
const KEY = 'spawnai.pomodoro';
const state = Object.assign({ tasks: [], currentId: null, completed: 0 }, JSON.parse(appStorage.getItem(KEY) || '{}'));
let mode = 'focus';
let remainingMs = MINUTES.focus * 60000;
let endsAt = null;
let tick = null;
const $ = (id) => document.getElementById(id);
const save = () => appStorage.setItem(KEY, JSON.stringify(state));
const pad = (n) => String(n).padStart(2, '0');
function show() {
  const left = endsAt ? Math.max(0, endsAt - Date.now()) : remainingMs;
  const secs = Math.ceil(left / 1000);
  const text = pad(Math.floor(secs / 60)) + ':' + pad(secs % 60);
  $('clock').textContent = text;
  document.title = (endsAt ? text + ' · ' : '') + document.querySelector('h1').textContent;
  $('bar').style.width = (100 - (left / (MINUTES[mode] * 600))) + '%';
  $('start').textContent = endsAt ? 'Pause' : 'Start';
  $('stats').textContent = state.completed + ' pomodoro' + (state.completed === 1 ? '' : 's') + ' completed';
  if (endsAt && left === 0) finish();
}
function beep() {
  try {
    const ctx = new AudioContext();
    const osc = ctx.createOscillator();
    osc.connect(ctx.destination);
    osc.frequency.value = 880;
    osc.start();
    osc.stop(ctx.currentTime + 0.4);
  } catch { /* audio is optional */ }
}
function finish() {
  clearInterval(tick);
  endsAt = null;
  beep();
  if (mode === 'focus') {
    state.completed += 1;
    const task = state.tasks.find((t) => t.id === state.currentId);
    if (task) task.pomodoros = (task.pomodoros || 0) + 1;
    save();
    renderTasks();
    setMode(state.completed % 4 === 0 ? 'long' : 'short');
  } else setMode('focus');
}
function setMode(next) {
  clearInterval(tick);
  mode = next;
  endsAt = null;
  remainingMs = MINUTES[mode] * 60000;
  for (const b of document.querySelectorAll('[data-mode]')) b.setAttribute('aria-pressed', String(b.dataset.mode === mode));
  show();
}
$('start').addEventListener('click', () => {
  if (endsAt) {
    remainingMs = Math.max(0, endsAt - Date.now());
    endsAt = null;
    clearInterval(tick);
  } else {
    endsAt = Date.now() + remainingMs;
    tick = setInterval(show, 250);
  }
  show();
});
$('reset').addEventListener('click', () => setMode(mode));
for (const b of document.querySelectorAll('[data-mode]')) b.addEventListener('click', () => setMode(b.dataset.mode));
function renderTasks() {
  $('list').replaceChildren(...state.tasks.map((t) => {
    const li = document.createElement('li');
    li.className = (t.done ? 'done ' : '') + (t.id === state.currentId ? 'current' : '');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = t.done;
    box.setAttribute('aria-label', 'Done');
    box.addEventListener('change', () => { t.done = box.checked; save(); renderTasks(); });
    const text = document.createElement('span');
    text.textContent = t.text + (t.pomodoros ? '  🍅×' + t.pomodoros : '');
    text.title = 'Focus on this task';
    text.addEventListener('click', () => { state.currentId = t.id; save(); renderTasks(); });
    const del = document.createElement('button');
    del.className = 'ghost';
    del.textContent = '✕';
    del.setAttribute('aria-label', 'Delete ' + t.text);
    del.addEventListener('click', () => { state.tasks = state.tasks.filter((x) => x.id !== t.id); save(); renderTasks(); });
    li.append(box, text, del);
    return li;
  }));
  $('empty').hidden = state.tasks.length > 0;
}
$('add').addEventListener('submit', (event) => {
  event.preventDefault();
  const text = $('task').value.trim();
  if (!text) return;
  const task = { id: Date.now().toString(36), text, done: false, pomodoros: 0 };
  state.tasks.push(task);
  state.currentId = state.currentId || task.id;
  $('task').value = '';
  save();
  renderTasks();
});
renderTasks();
show();
`;

export const pomodoroTemplate: Template = {
  id: 'pomodoro',
  appType: 'webapp',
  keywords: ['pomodoro', 'timer', 'focus', 'task', 'tâche', 'productivity', 'countdown', 'break', 'tomato', 'minuteur', 'chrono', 'concentration', 'productivité', 'pause', 'tomate'],
  description: 'A pomodoro timer (25/5/15 min) with start, pause, reset and a task list.',
  render: (title) => [
    { path: 'index.html', content: renderPage({ title, tagline: 'Focus for 25 minutes, then take a break.', css: CSS, body: BODY, script: SCRIPT }) },
  ],
};
