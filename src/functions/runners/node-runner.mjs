/*
 * Runs INSIDE the sandbox under plain node (no dependencies), as an ES module.
 * Usage: node spawn_runner.mjs <function file> <entrypoint>
 *
 * Imports the function's module ONCE, then serves calls on $PORT until it is killed:
 *   GET  /health          -> {"ok": true, "pid"}
 *   POST /invoke {inputs, files} -> {"ok": true, "outputs", "files", "stdout", "stderr", "durationMs"}
 *                                or {"ok": false, "code", "error", "stdout", "stderr", "durationMs"}
 * `files` in: [{id, name, data (base64)}], written as read-only copies under ./inputs/<id>/<name>;
 * every {"$file": id} in the inputs becomes that copy's path. `files` out: the regular files the
 * call left directly under ./outputs/ (symlinks and other kinds are skipped, never followed).
 * Every request carries x-spawn-token: $SPAWN_RUNNER_TOKEN. The host sends one call at a time, so
 * swapping process.stdout/stderr.write for the duration of a call captures exactly that call.
 */
import fs, { symlinkSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [file, entrypoint] = process.argv.slice(2);
const TOKEN = process.env.SPAWN_RUNNER_TOKEN ?? '';
const MAX_OUTPUT = Number(process.env.SPAWN_OUTPUT_MAX_BYTES ?? 65536);
const MAX_BODY = Number(process.env.SPAWN_RUNNER_MAX_BODY ?? 16 * 1024 * 1024);
const MAX_FILES = Number(process.env.SPAWN_OUTPUT_FILES_MAX ?? 20);
const MAX_FILE_BYTES = Number(process.env.SPAWN_OUTPUT_FILES_MAX_BYTES ?? 16 * 1024 * 1024);
const ROOT = process.cwd();
const INPUTS_DIR = path.join(ROOT, 'inputs');
const OUTPUTS_DIR = path.join(ROOT, 'outputs');

class OutputTooLarge extends Error {}

/** Removes a call's leftovers; read-only directories made writable first (the owner may). */
function removeTree(dir) {
  try {
    const walk = (d) => {
      if (!fs.lstatSync(d).isDirectory()) return;
      fs.chmodSync(d, 0o755);
      for (const name of fs.readdirSync(d)) walk(path.join(d, name));
    };
    walk(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  } catch {
    // gone already, or not removable by us: the next call starts from whatever is left
  }
}

function placeFiles(files) {
  const paths = new Map();
  for (const f of files ?? []) {
    const folder = path.join(INPUTS_DIR, path.basename(String(f.id)));
    fs.mkdirSync(folder, { recursive: true });
    const target = path.join(folder, path.basename(String(f.name)));
    fs.writeFileSync(target, Buffer.from(String(f.data), 'base64'), { mode: 0o444 });
    fs.chmodSync(folder, 0o555);
    paths.set(f.id, target);
  }
  return paths;
}

function withPaths(value, paths) {
  if (Array.isArray(value)) return value.map((v) => withPaths(v, paths));
  if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 1 && typeof value.$file === 'string' && paths.has(value.$file)) return paths.get(value.$file);
    return Object.fromEntries(keys.map((k) => [k, withPaths(value[k], paths)]));
  }
  return value;
}

/** Regular files directly under ./outputs/, read without following links or blocking on FIFOs. */
function collectOutputs(notes) {
  const dir = fs.lstatSync(OUTPUTS_DIR, { throwIfNoEntry: false });
  if (!dir?.isDirectory()) return [];
  const found = [];
  let total = 0;
  for (const name of fs.readdirSync(OUTPUTS_DIR).sort()) {
    let fd;
    try {
      fd = fs.openSync(path.join(OUTPUTS_DIR, name), fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
    } catch {
      notes.push(`[spawn: skipped outputs/${name}: not a regular file]`);
      continue;
    }
    try {
      if (!fs.fstatSync(fd).isFile()) {
        notes.push(`[spawn: skipped outputs/${name}: not a regular file]`);
        continue;
      }
      if (found.length >= MAX_FILES) throw new OutputTooLarge(`the function left more than ${MAX_FILES} files under ./outputs/ (SPAWN_FUNCTION_OUTPUT_FILES_MAX)`);
      const buffer = Buffer.alloc(Math.max(0, MAX_FILE_BYTES - total + 1));
      let size = 0;
      for (let n = 1; n > 0 && size < buffer.length; size += n) n = fs.readSync(fd, buffer, size, buffer.length - size, null);
      total += size;
      if (total > MAX_FILE_BYTES) throw new OutputTooLarge(`the files under ./outputs/ exceed ${MAX_FILE_BYTES} bytes (SPAWN_FUNCTION_OUTPUT_FILES_MAX_MB)`);
      found.push({ name, data: buffer.subarray(0, size).toString('base64') });
    } finally {
      fs.closeSync(fd);
    }
  }
  return found;
}

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

async function invoke(inputs, files) {
  const out = capture();
  const err = capture();
  const saved = [process.stdout.write, process.stderr.write];
  process.stdout.write = out.write;
  process.stderr.write = err.write;
  const started = performance.now();
  let answer;
  try {
    process.chdir(ROOT); // relative paths (./outputs/) mean the same on every call
    removeTree(OUTPUTS_DIR);
    fs.mkdirSync(OUTPUTS_DIR, { recursive: true });
    const paths = placeFiles(files);
    if (paths.size > 0) inputs = withPaths(inputs, paths);
    if (loadError) answer = { ok: false, code: 'FUNCTION_ERROR', error: loadError };
    else {
      const value = await entry(inputs);
      try {
        answer = { ok: true, outputs: JSON.parse(JSON.stringify(value ?? null, checkJson)) };
      } catch (e) {
        answer = { ok: false, code: 'FUNCTION_OUTPUT_INVALID', error: `outputs are not JSON-serialisable: ${e.message}` };
      }
      if (answer.ok) {
        const notes = [];
        try {
          answer.files = collectOutputs(notes);
        } catch (e) {
          if (!(e instanceof OutputTooLarge)) throw e;
          answer = { ok: false, code: 'FUNCTION_OUTPUT_TOO_LARGE', error: e.message };
        }
        for (const note of notes) err.write(`${note}\n`);
      }
    }
  } catch (e) {
    answer = { ok: false, code: 'FUNCTION_ERROR', error: e instanceof Error ? (e.stack ?? String(e)) : `thrown: ${String(e)}` };
  } finally {
    [process.stdout.write, process.stderr.write] = saved;
    removeTree(INPUTS_DIR);
    removeTree(OUTPUTS_DIR);
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
    let body;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString() || '{}');
    } catch {
      return reply(res, 400, { ok: false, error: 'the body is not JSON' });
    }
    invoke(body.inputs, body.files).then((answer) => reply(res, 200, answer));
  });
});
server.listen(Number(process.env.PORT), process.env.SPAWN_BIND_HOST ?? '127.0.0.1');
