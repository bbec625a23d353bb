import type { ScriptedText } from '../../fakes/fake-llm-server.ts';
import { slowWebappAnswer } from '../../support/slow-app-answers.ts';

function streamed(text: string, seconds: number): ScriptedText {
  const chunkSize = 20;
  return { text, chunkSize, delayMs: Math.round((seconds * 1000) / Math.ceil(text.length / chunkSize)), stopReason: 'stop' };
}

/**
 * An api answer whose server waits `listenDelayMs` before listening, so the session stays in
 * `deploying` long enough for a test to kill something mid-deploy.
 */
export function apiAnswer(title: string, generationSeconds: number, listenDelayMs: number): ScriptedText {
  const server =
    `const http = require('node:http');\n` +
    `const server = http.createServer((req, res) => { res.writeHead(200, {'content-type': 'text/html'}); res.end('<h1>${title} API</h1>'); });\n` +
    `setTimeout(() => server.listen(process.env.PORT), ${listenDelayMs});\n`;
  return streamed(`<file path="server.js">\n${server}</file>\n`, generationSeconds);
}

export function webappAnswer(title: string, generationSeconds: number): ScriptedText {
  return slowWebappAnswer(title, generationSeconds);
}
