import { renderPage } from '../page-shell.ts';
import { SERVER_MAIN, SERVER_PRELUDE } from '../server-kit.ts';
import type { Template } from '../template.ts';

const SERVER_ROUTES = String.raw`
const MAX_TEXT_CHARS = 2000;
const MAX_NOTES = 1000;
const notes = new Map();
let nextId = 1;

function validateNote(body) {
  if (!isObject(body)) throw new HttpError(400, 'body must be a JSON object');
  if (typeof body.text !== 'string' || body.text.trim() === '') throw new HttpError(400, '"text" must be a non-empty string');
  if (body.text.length > MAX_TEXT_CHARS) throw new HttpError(400, '"text" must be at most ' + MAX_TEXT_CHARS + ' characters');
  if (body.title !== undefined && (typeof body.title !== 'string' || body.title.length > 120)) {
    throw new HttpError(400, '"title" must be a string of at most 120 characters');
  }
  return { title: (body.title || '').trim(), text: body.text.trim() };
}

async function route(req, res, url) {
  if (url.pathname === '/api/notes') {
    if (req.method === 'GET') return reply(res, 200, [...notes.values()].reverse());
    if (req.method === 'POST') {
      const input = validateNote(await readJson(req));
      if (notes.size >= MAX_NOTES) throw new HttpError(409, 'the store is full: delete some notes first');
      const note = { id: String(nextId++), ...input, createdAt: new Date().toISOString() };
      notes.set(note.id, note);
      return reply(res, 201, note);
    }
    return reply(res, 405, { error: 'use GET or POST' });
  }
  const match = /^\/api\/notes\/([^/]+)$/.exec(url.pathname);
  if (match) {
    let id;
    try { id = decodeURIComponent(match[1]); } catch { throw new HttpError(400, 'malformed note id'); }
    if (req.method === 'GET' && notes.has(id)) return reply(res, 200, notes.get(id));
    if (req.method === 'DELETE' && notes.delete(id)) return reply(res, 204);
    if (req.method !== 'GET' && req.method !== 'DELETE') return reply(res, 405, { error: 'use GET or DELETE' });
    return reply(res, 404, { error: 'no note with id ' + id });
  }
  return false;
}
`;

const CSS = `
.notes li{align-items:flex-start}
.notes li div{flex:1;overflow-wrap:anywhere;white-space:pre-wrap}
form{display:grid;gap:.5rem}
textarea{min-height:5rem}
#error{color:var(--danger);min-height:1.5em;margin:.25rem 0 0}
pre{background:var(--bg);border-radius:10px;padding:.75rem;overflow-x:auto;font-size:.85rem}
section+section{margin-top:1rem}
`;

const BODY = `
<section class="card">
  <form id="add">
    <input id="title" type="text" placeholder="Title (optional)" aria-label="Title" maxlength="120">
    <textarea id="text" placeholder="Write a note…" aria-label="Note" maxlength="2000" required></textarea>
    <div class="row"><button class="primary" type="submit">Save note</button></div>
  </form>
  <p id="error" role="alert"></p>
  <ul id="list" class="list notes"></ul>
  <p id="empty" class="empty">No notes yet.</p>
</section>
<section class="card">
  <h2>JSON API</h2>
  <pre>GET    /api/notes            list notes (newest first)
POST   /api/notes            {"text": "…", "title": "…"} → 201
GET    /api/notes/:id        one note
DELETE /api/notes/:id        → 204
GET    /healthz</pre>
</section>
`;

const SCRIPT = String.raw`
const $ = (id) => document.getElementById(id);
async function api(path, options) {
  const res = await fetch('./api/notes' + path, options);
  if (!res.ok) throw new Error((await res.json().catch(() => ({}))).error || res.statusText);
  return res.status === 204 ? null : res.json();
}
async function load() {
  const notes = await api('');
  $('list').replaceChildren(...notes.map((note) => {
    const li = document.createElement('li');
    const div = document.createElement('div');
    if (note.title) { const b = document.createElement('strong'); b.textContent = note.title; div.append(b, document.createElement('br')); }
    div.append(note.text);
    const del = document.createElement('button');
    del.className = 'ghost';
    del.textContent = '✕';
    del.setAttribute('aria-label', 'Delete note');
    del.addEventListener('click', () => api('/' + encodeURIComponent(note.id), { method: 'DELETE' }).then(load, showError));
    li.append(div, del);
    return li;
  }));
  $('empty').hidden = notes.length > 0;
}
function showError(err) { $('error').textContent = err.message; }
$('add').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('error').textContent = '';
  try {
    await api('', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: $('title').value, text: $('text').value }) });
    $('add').reset();
    await load();
  } catch (err) { showError(err); }
});
load().catch(showError);
`;

export const notesApiTemplate: Template = {
  id: 'notes-api',
  appType: 'api',
  keywords: ['note', 'notes', 'rest', 'crud', 'store', 'memo', 'text', 'message', 'bloc note', 'mémo', 'stockage', 'enregistrer'],
  description: 'A notes REST API (GET/POST /api/notes, DELETE /api/notes/:id) with a page that uses it.',
  render: (title) => [
    { path: 'server.js', content: `${SERVER_PRELUDE}${SERVER_ROUTES}${SERVER_MAIN}` },
    { path: 'index.html', content: renderPage({ title, tagline: 'Notes kept by a small JSON API.', css: CSS, body: BODY, script: SCRIPT }) },
  ],
};
