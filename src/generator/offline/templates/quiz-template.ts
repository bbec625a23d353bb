import { renderPage } from '../page-shell.ts';
import type { Template } from '../template.ts';

const QUESTIONS = [
  ['Which planet is known as the Red Planet?', ['Mars', 'Venus', 'Jupiter', 'Mercury']],
  ['How many continents are there on Earth?', ['7', '5', '6', '8']],
  ['What is the chemical symbol for gold?', ['Au', 'Ag', 'Gd', 'Go']],
  ['Who painted the Mona Lisa?', ['Leonardo da Vinci', 'Michelangelo', 'Raphael', 'Rembrandt']],
  ['What is the largest ocean?', ['Pacific', 'Atlantic', 'Indian', 'Arctic']],
  ['How many sides does a hexagon have?', ['6', '5', '7', '8']],
  ['Which gas do plants absorb from the air?', ['Carbon dioxide', 'Oxygen', 'Nitrogen', 'Helium']],
  ['What is the capital of Japan?', ['Tokyo', 'Kyoto', 'Osaka', 'Seoul']],
  ['What is 12 × 12?', ['144', '124', '132', '156']],
  ['Which language has the most native speakers?', ['Mandarin Chinese', 'English', 'Spanish', 'Hindi']],
] as const;

const CSS = `
.progress{display:flex;justify-content:space-between;color:var(--muted);margin-bottom:.5rem}
#question{font-size:1.25rem;margin:.25rem 0 1rem}
.answers{display:grid;gap:.5rem}
.answers button{text-align:left;padding:.8rem 1rem}
.answers button.right{border-color:var(--ok);background:color-mix(in srgb,var(--ok) 18%,var(--card))}
.answers button.wrong{border-color:var(--danger);background:color-mix(in srgb,var(--danger) 18%,var(--card))}
.next{margin-top:1rem;justify-content:flex-end}
#result{text-align:center}
#result .score{font-size:3rem;font-weight:700}
`;

const BODY = `
<section class="card" id="play">
  <div class="progress"><span id="count"></span><span id="points"></span></div>
  <h2 id="question"></h2>
  <div class="answers" id="answers"></div>
  <div class="row next"><button id="next" class="primary" type="button" disabled>Next</button></div>
</section>
<section class="card" id="result" hidden>
  <p class="score" id="score"></p>
  <p id="verdict"></p>
  <p class="muted" id="best"></p>
  <button id="again" class="primary" type="button">Play again</button>
</section>
`;

// The first answer of each question is the right one; the page shuffles them.
const SCRIPT = String.raw`
const QUESTIONS = ${JSON.stringify(QUESTIONS)};
const KEY = 'spawnai.quiz.best';
let order = [];
let index = 0;
let score = 0;
const $ = (id) => document.getElementById(id);
const shuffle = (array) => array.map((v) => [Math.random(), v]).sort((a, b) => a[0] - b[0]).map((p) => p[1]);
function start() {
  order = shuffle(QUESTIONS.map((q, i) => i));
  index = 0;
  score = 0;
  $('play').hidden = false;
  $('result').hidden = true;
  show();
}
function show() {
  const [text, answers] = QUESTIONS[order[index]];
  $('count').textContent = 'Question ' + (index + 1) + ' / ' + order.length;
  $('points').textContent = score + ' point' + (score === 1 ? '' : 's');
  $('question').textContent = text;
  $('next').disabled = true;
  $('answers').replaceChildren(...shuffle([...answers]).map((answer) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = answer;
    button.addEventListener('click', () => choose(button, answer === answers[0], answers[0]));
    return button;
  }));
}
function choose(button, correct, right) {
  for (const b of $('answers').children) {
    b.disabled = true;
    if (b.textContent === right) b.classList.add('right');
  }
  if (correct) score += 1; else button.classList.add('wrong');
  $('points').textContent = score + ' point' + (score === 1 ? '' : 's');
  $('next').disabled = false;
  $('next').focus();
}
$('next').addEventListener('click', () => {
  index += 1;
  if (index < order.length) return show();
  const best = Math.max(score, Number(appStorage.getItem(KEY) || 0));
  appStorage.setItem(KEY, String(best));
  $('play').hidden = true;
  $('result').hidden = false;
  $('score').textContent = score + ' / ' + order.length;
  $('verdict').textContent = score === order.length ? 'Perfect score!' : score >= order.length / 2 ? 'Well done!' : 'Keep practising!';
  $('best').textContent = 'Best score: ' + best + ' / ' + order.length;
});
$('again').addEventListener('click', start);
start();
`;

export const quizTemplate: Template = {
  id: 'quiz',
  appType: 'webapp',
  keywords: ['quiz', 'trivia', 'question', 'game', 'test', 'knowledge', 'flashcard', 'exam', 'jeu', 'questionnaire', 'culture générale', 'révision', 'examen'],
  description: 'A ten-question general-knowledge quiz with shuffled answers, score and best score.',
  render: (title) => [
    { path: 'index.html', content: renderPage({ title, tagline: 'Ten questions. How many can you get right?', css: CSS, body: BODY, script: SCRIPT }) },
  ],
};
