import { renderPage } from '../page-shell.ts';
import type { Template } from '../template.ts';

const CSS = `
main{max-width:60rem}
.notes{display:grid;grid-template-columns:minmax(12rem,1fr) 2fr;gap:1rem}
@media (max-width:640px){.notes{grid-template-columns:1fr}}
.notes aside ul li{cursor:pointer;flex-direction:column;align-items:flex-start;gap:0;border-radius:8px;padding:.5rem}
.notes aside ul li[aria-current=true]{background:var(--bg)}
.notes aside small{color:var(--muted)}
.editor{display:flex;flex-direction:column;gap:.75rem}
.editor textarea{min-height:16rem;resize:vertical}
`;

const BODY = `
<div class="notes">
  <aside class="card">
    <div class="row">
      <input id="search" type="text" placeholder="Search" aria-label="Search notes">
      <button id="new" class="primary" type="button">New</button>
    </div>
    <ul id="list" class="list"></ul>
    <p id="empty" class="empty">No notes yet.</p>
  </aside>
  <section class="card editor" id="editor" hidden>
    <input id="title" type="text" placeholder="Title" aria-label="Note title" maxlength="120">
    <textarea id="body" placeholder="Write something…" aria-label="Note text"></textarea>
    <div class="row"><span id="saved" class="muted" style="flex:1"></span><button id="delete" type="button">Delete</button></div>
  </section>
</div>
`;

const SCRIPT = String.raw`
const KEY = 'spawnai.notes';
let notes = JSON.parse(appStorage.getItem(KEY) || '[]');
let currentId = notes[0] ? notes[0].id : null;
const $ = (id) => document.getElementById(id);
const save = () => appStorage.setItem(KEY, JSON.stringify(notes));
const current = () => notes.find((n) => n.id === currentId);
function renderList() {
  const q = $('search').value.trim().toLowerCase();
  const shown = notes
    .filter((n) => !q || (n.title + ' ' + n.body).toLowerCase().includes(q))
    .sort((a, b) => b.updated - a.updated);
  $('list').replaceChildren(...shown.map((n) => {
    const li = document.createElement('li');
    li.tabIndex = 0;
    li.setAttribute('aria-current', String(n.id === currentId));
    const strong = document.createElement('strong');
    strong.textContent = n.title || 'Untitled';
    const small = document.createElement('small');
    small.textContent = new Date(n.updated).toLocaleString();
    li.append(strong, small);
    const open = () => { currentId = n.id; renderAll(); };
    li.addEventListener('click', open);
    li.addEventListener('keydown', (e) => { if (e.key === 'Enter') open(); });
    return li;
  }));
  $('empty').hidden = shown.length > 0;
}
function renderEditor() {
  const note = current();
  $('editor').hidden = !note;
  if (!note) return;
  $('title').value = note.title;
  $('body').value = note.body;
  $('saved').textContent = 'Saved ' + new Date(note.updated).toLocaleTimeString();
}
function renderAll() { renderList(); renderEditor(); }
function edit() {
  const note = current();
  if (!note) return;
  note.title = $('title').value;
  note.body = $('body').value;
  note.updated = Date.now();
  save();
  renderList();
  $('saved').textContent = 'Saved ' + new Date(note.updated).toLocaleTimeString();
}
$('new').addEventListener('click', () => {
  const note = { id: Date.now().toString(36), title: '', body: '', updated: Date.now() };
  notes.push(note);
  currentId = note.id;
  save();
  renderAll();
  $('title').focus();
});
$('delete').addEventListener('click', () => {
  const note = current();
  if (!note || !confirm('Delete "' + (note.title || 'Untitled') + '"?')) return;
  notes = notes.filter((n) => n.id !== note.id);
  currentId = notes[0] ? notes[0].id : null;
  save();
  renderAll();
});
$('title').addEventListener('input', edit);
$('body').addEventListener('input', edit);
$('search').addEventListener('input', renderList);
renderAll();
`;

export const notesTemplate: Template = {
  id: 'notes',
  appType: 'webapp',
  keywords: ['note', 'notes', 'notebook', 'journal', 'diary', 'memo', 'writing', 'editor', 'bloc note', 'carnet', 'mémo', 'prise de notes', 'écrire'],
  description: 'A notebook: create, search, edit and delete notes; autosaved in the browser.',
  render: (title) => [
    { path: 'index.html', content: renderPage({ title, tagline: 'Quick notes, saved as you type.', css: CSS, body: BODY, script: SCRIPT }) },
  ],
};
