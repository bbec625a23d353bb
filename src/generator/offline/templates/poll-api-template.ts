import { renderPage } from '../page-shell.ts';
import { SERVER_MAIN, SERVER_PRELUDE } from '../server-kit.ts';
import type { Template } from '../template.ts';

const DEFAULT_OPTIONS = ['Yes', 'No', 'Not sure'];

const serverRoutes = (question: string) => String.raw`
const MAX_OPTIONS = 12;
const poll = {
  question: ${JSON.stringify(question)},
  options: ${JSON.stringify(DEFAULT_OPTIONS)}.map((label, i) => ({ id: String(i + 1), label, votes: 0 })),
};
const snapshot = () => ({ ...poll, total: poll.options.reduce((sum, o) => sum + o.votes, 0) });
const findOption = (key) => poll.options.find((o) => o.id === key || o.label.toLowerCase() === key.toLowerCase());

async function route(req, res, url) {
  if (url.pathname === '/api/poll' && req.method === 'GET') return reply(res, 200, snapshot());
  if (url.pathname === '/api/vote' && req.method === 'POST') {
    const body = await readJson(req);
    if (!isObject(body) || typeof body.option !== 'string') throw new HttpError(400, 'send {"option": "<option id or label>"}');
    const option = findOption(body.option.trim());
    if (!option) throw new HttpError(400, 'unknown option: ' + body.option);
    option.votes += 1;
    return reply(res, 200, snapshot());
  }
  if (url.pathname === '/api/options' && req.method === 'POST') {
    const body = await readJson(req);
    const label = isObject(body) && typeof body.label === 'string' ? body.label.trim() : '';
    if (!label || label.length > 80) throw new HttpError(400, '"label" must be a non-empty string of at most 80 characters');
    if (findOption(label)) throw new HttpError(409, 'that option already exists');
    if (poll.options.length >= MAX_OPTIONS) throw new HttpError(409, 'a poll has at most ' + MAX_OPTIONS + ' options');
    poll.options.push({ id: String(poll.options.length + 1), label, votes: 0 });
    return reply(res, 201, snapshot());
  }
  if (['/api/poll', '/api/vote', '/api/options'].includes(url.pathname)) return reply(res, 405, { error: 'method not allowed' });
  return false;
}
`;

const CSS = `
.option{display:grid;grid-template-columns:1fr auto;gap:.25rem .75rem;align-items:center;padding:.6rem 0;border-top:1px solid var(--border)}
.option .bar{grid-column:1/-1;height:8px;border-radius:4px;background:var(--border);overflow:hidden}
.option .bar div{height:100%;background:var(--accent);transition:width .4s}
.option button{justify-self:start}
#question{font-size:1.2rem;margin:0 0 .5rem}
#error{color:var(--danger);min-height:1.5em}
form{margin-top:1rem}
`;

const BODY = `
<section class="card">
  <h2 id="question"></h2>
  <div id="options"></div>
  <p class="muted" id="total"></p>
  <p id="error" role="alert"></p>
  <form id="add" class="row">
    <input id="label" type="text" placeholder="Add an option" aria-label="New option" maxlength="80" required>
    <button type="submit">Add</button>
  </form>
</section>
`;

const SCRIPT = String.raw`
const $ = (id) => document.getElementById(id);
async function call(path, body) {
  const options = body ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {};
  const res = await fetch('./api/' + path, options);
  const data = await res.json();
  if (!res.ok) throw new Error(data.error || res.statusText);
  return data;
}
function render(poll) {
  $('error').textContent = '';
  $('question').textContent = poll.question;
  $('question').hidden = poll.question === document.querySelector('h1').textContent;
  $('total').textContent = poll.total + (poll.total === 1 ? ' vote' : ' votes');
  $('options').replaceChildren(...poll.options.map((option) => {
    const row = document.createElement('div');
    row.className = 'option';
    const vote = document.createElement('button');
    vote.type = 'button';
    vote.textContent = option.label;
    vote.addEventListener('click', () => call('vote', { option: option.id }).then(render, showError));
    const pct = poll.total ? Math.round((option.votes / poll.total) * 100) : 0;
    const count = document.createElement('span');
    count.className = 'muted';
    count.textContent = option.votes + ' · ' + pct + '%';
    const bar = document.createElement('div');
    bar.className = 'bar';
    const fill = document.createElement('div');
    fill.style.width = pct + '%';
    bar.append(fill);
    row.append(vote, count, bar);
    return row;
  }));
}
function showError(err) { $('error').textContent = err.message; }
$('add').addEventListener('submit', (event) => {
  event.preventDefault();
  call('options', { label: $('label').value }).then((poll) => { $('add').reset(); render(poll); }, showError);
});
const refresh = () => call('poll').then(render, showError);
refresh();
setInterval(refresh, 3000);
`;

export const pollApiTemplate: Template = {
  id: 'poll-api',
  appType: 'api',
  keywords: ['poll', 'vote', 'voting', 'survey', 'election', 'ballot', 'opinion', 'sondage', 'voter', 'scrutin', 'élection', 'enquête', 'avis'],
  description: 'A live poll: vote through a JSON API (GET /api/poll, POST /api/vote) and watch the results.',
  render: (title) => [
    { path: 'server.js', content: `${SERVER_PRELUDE}${serverRoutes(title)}${SERVER_MAIN}` },
    { path: 'index.html', content: renderPage({ title, tagline: 'Click an option to vote; results update live.', css: CSS, body: BODY, script: SCRIPT }) },
  ],
};
