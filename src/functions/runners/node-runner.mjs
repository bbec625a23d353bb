/*
 * Runs INSIDE the sandbox under plain node (no dependencies), as an ES module.
 * Usage: node spawn_runner.mjs <function file> <entrypoint>
 *
 * Imports the function's module ONCE, then serves calls on $PORT until it is killed:
 *   GET  /health          -> {"ok": true, "pid"}
 *   POST /invoke {inputs} -> {"ok": true, "outputs", "stdout", "stderr", "durationMs"}
 *                         or {"ok": false, "code", "error", "stdout", "stderr", "durationMs"}
 * Every request carries x-spawn-token: $SPAWN_RUNNER_TOKEN. The host sends one call at a time, so
 * swapping process.stdout/stderr.write for the duration of a call captures exactly that call.
 */
import { symlinkSync } from 'node:fs';
import http from 'node:http';
import { pathToFileURL } from 'node:url';

const [file, entrypoint] = process.argv.slice(2);
const TOKEN = process.env.SPAWN_RUNNER_TOKEN ?? '';
const MAX_OUTPUT = Number(process.env.SPAWN_OUTPUT_MAX_BYTES ?? 65536);
const MAX_BODY = 16 * 1024 * 1024;

let entry;
let loadError = null;
// The function's requirement layer (read-only mount): ESM resolution ignores NODE_PATH, but it
// walks up from the module's directory, so ./node_modules makes the layer importable.
if (process.env.SPAWN_LAYER_NODE_MODULES) {
  try {
    symlinkSync(process.env.SPAWN_LAYER_NODE_MODULES, 'node_modules');
  } catch (err) {
    if (err?.code !== 'EEXIST') throw err;
  }
}
try {
  const mod = await import(pathToFileURL(file).href);
  entry = mod[entrypoint] ?? mod.default?.[entrypoint];
  if (typeof entry !== 'function') loadError = `the module exports no function "${entrypoint}"`;
} catch (err) {
  loadError = err?.stack ?? String(err);
}

function capture() {
  let kept = '';
  let size = 0;
  return {
    write(chunk) {
      const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
      if (size < MAX_OUTPUT) kept += text.slice(0, MAX_OUTPUT - size);
      size += text.length;
      return true;
    },
    value: () => (size > MAX_OUTPUT ? `${kept}\n[output truncated: ${size - MAX_OUTPUT} more characters]\n` : kept),
  };
}

/** JSON.stringify silently drops functions and turns NaN into null: refuse them instead. */
function checkJson(key, value) {
  const kind = typeof value;
  if (kind === 'function' || kind === 'symbol' || kind === 'bigint') throw new TypeError(`${key || 'outputs'} is a ${kind}`);
  if (kind === 'number' && !Number.isFinite(value)) throw new TypeError(`${key || 'outputs'} is ${value}`);
  if (value instanceof Map || value instanceof Set) throw new TypeError(`${key || 'outputs'} is a ${value.constructor.name}`);
  return value;
}

async function invoke(inputs) {
  const out = capture();
  const err = capture();
  const saved = [process.stdout.write, process.stderr.write];
  process.stdout.write = out.write;
  process.stderr.write = err.write;
  const started = performance.now();
  let answer;
  try {
    if (loadError) answer = { ok: false, code: 'FUNCTION_ERROR', error: loadError };
    else {
      const value = await entry(inputs);
      try {
        answer = { ok: true, outputs: JSON.parse(JSON.stringify(value ?? null, checkJson)) };
      } catch (e) {
        answer = { ok: false, code: 'FUNCTION_OUTPUT_INVALID', error: `outputs are not JSON-serialisable: ${e.message}` };
      }
    }
  } catch (e) {
    answer = { ok: false, code: 'FUNCTION_ERROR', error: e instanceof Error ? (e.stack ?? String(e)) : `thrown: ${String(e)}` };
  } finally {
    [process.stdout.write, process.stderr.write] = saved;
  }
  return { ...answer, stdout: out.value(), stderr: err.value(), durationMs: performance.now() - started };
}

function reply(res, status, body) {
  const data = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data), connection: 'close' });
  res.end(data);
}

const server = http.createServer((req, res) => {
  if (req.headers['x-spawn-token'] !== TOKEN) return reply(res, 403, { ok: false, error: 'bad token' });
  if (req.method === 'GET') return reply(res, 200, { ok: true, pid: process.pid, loadError: loadError !== null });
  if (req.method !== 'POST' || req.url !== '/invoke') return reply(res, 400, { ok: false, error: 'POST /invoke with a JSON body' });
  const chunks = [];
  let size = 0;
  req.on('data', (c) => {
    size += c.length;
    if (size > MAX_BODY) req.destroy();
    else chunks.push(c);
  });
  req.on('end', () => {
    let inputs;
    try {
      inputs = JSON.parse(Buffer.concat(chunks).toString() || '{}').inputs;
    } catch {
      return reply(res, 400, { ok: false, error: 'the body is not JSON' });
    }
    invoke(inputs).then((answer) => reply(res, 200, answer));
  });
});
server.listen(Number(process.env.PORT), process.env.SPAWN_BIND_HOST ?? '127.0.0.1');
