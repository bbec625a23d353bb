import type { ScriptedText } from '../../fakes/fake-llm-server.ts';

/**
 * Api apps the fake LLM hands out, each a Node server on $PORT using only node: built-ins.
 * `controlledApp`: `GET /` answers `hello`, `/exit` answers and exits with code 3, `/oom` answers
 * and then allocates memory until the kernel kills it; an HTTP upgrade becomes a raw echo pipe
 * (enough to prove the proxy's WebSocket path reaches the app).
 */
const CONTROLLED_APP = `const http = require('node:http');
const hog = [];
const server = http.createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end('hello from ' + req.url);
  if (req.url === '/exit') setTimeout(() => process.exit(3), 20);
  if (req.url === '/oom') setInterval(() => { for (let i = 0; i < 16; i++) hog.push(Buffer.alloc(1 << 20, 7)); }, 5);
});
server.on('upgrade', (req, socket) => {
  socket.write('HTTP/1.1 101 Switching Protocols\\r\\nUpgrade: websocket\\r\\nConnection: Upgrade\\r\\n\\r\\n');
  socket.on('data', (chunk) => socket.write(chunk));
});
server.listen(process.env.PORT);
`;

/** Answers exactly one request, then exits with code 4: every start is followed by an exit. */
const ONE_ANSWER_APP = `const http = require('node:http');
const server = http.createServer((req, res) => {
  res.end('once');
  setTimeout(() => process.exit(4), 20);
});
server.listen(process.env.PORT);
`;

function answer(source: string): ScriptedText {
  return { text: `Here is the API.\n<file path="server.js">\n${source}</file>\n`, stopReason: 'stop' };
}

export const controlledApp = (): ScriptedText => answer(CONTROLLED_APP);
export const oneAnswerApp = (): ScriptedText => answer(ONE_ANSWER_APP);
