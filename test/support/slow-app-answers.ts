import type { RecordedRequest, ScriptedText } from '../fakes/fake-llm-server.ts';

function streamed(text: string, seconds: number): ScriptedText {
  const chunkSize = 20;
  return { text, chunkSize, delayMs: Math.round((seconds * 1000) / Math.ceil(text.length / chunkSize)), stopReason: 'stop' };
}

/** A webapp answer in SpawnAI's file protocol, streamed slowly enough for a test to act mid-way. */
export function slowWebappAnswer(title: string, seconds: number): ScriptedText {
  const page = `<!doctype html><html><head><title>${title}</title></head><body><h1>${title}</h1>${'<p>filler</p>'.repeat(20)}</body></html>\n`;
  return streamed(`Here is your app.\n<file path="index.html">\n${page}</file>\n`, seconds);
}

/** An api answer (a Node server on $PORT), streamed slowly. */
export function slowApiAnswer(title: string, seconds: number): ScriptedText {
  const server = `const http = require('node:http');\nhttp.createServer((req, res) => { res.writeHead(200, {'content-type': 'text/html'}); res.end('<h1>${title} API</h1>'); }).listen(process.env.PORT);\n`;
  return streamed(`<file path="server.js">\n${server}</file>\n`, seconds);
}

/** True for a generation request of that app type (the system prompt names the app contract). */
export function asksFor(appType: 'webapp' | 'api'): (request: RecordedRequest) => boolean {
  const marker = appType === 'api' ? 'process.env.PORT' : 'index.html';
  const other = appType === 'api' ? null : 'process.env.PORT';
  return (request) => {
    const text = JSON.stringify(request.body);
    return text.includes(marker) && (other === null || !text.includes(other));
  };
}
