import type { ScriptedText } from '../fakes/fake-llm-server.ts';

/**
 * A model answer in SpawnAI's file protocol, streamed slowly enough for a test to act mid-way.
 * It holds both an `index.html` and a `server.js`, so it is a valid webapp *and* a valid api app:
 * tests whose sessions reach the fake in an unpredictable order can script the same answer.
 */
export function slowAppAnswer(title: string, seconds: number): ScriptedText {
  const server = `const http = require('node:http');\nhttp.createServer((req, res) => { res.writeHead(200, {'content-type': 'text/html'}); res.end('<h1>${title} API</h1>'); }).listen(process.env.PORT);\n`;
  const page = `<!doctype html><html><head><title>${title}</title></head><body><h1>${title}</h1>${'<p>filler</p>'.repeat(20)}</body></html>\n`;
  const text = `Here is your app.\n<file path="index.html">\n${page}</file>\n<file path="server.js">\n${server}</file>\n`;
  const chunkSize = 20;
  return { text, chunkSize, delayMs: Math.round((seconds * 1000) / Math.ceil(text.length / chunkSize)), stopReason: 'stop' };
}
