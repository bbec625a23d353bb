/*
 * Runs INSIDE a sandbox under plain node, before the app exists (no TypeScript, no dependencies):
 * drivers start it with `node --input-type=module -e <this file>` in pool sandboxes, so Node's own
 * start-up and the preloaded modules are paid before a session claims the sandbox.
 *
 * Configuration: the environment below (removed from process.env before the app runs), or, when
 * started with the argument `--config-stdin`, one JSON line on standard input with the same four
 * settings ({"control","token","forward","preload"}; the docker runtime: a container's Env is
 * inherited by every `docker exec`, its stdin is seen by this process only). A launcher configured
 * through stdin prints LAUNCHER_LISTENING on stdout once its control address listens, so the host
 * (attached to the container) is notified instead of polling.
 *
 * Environment:
 *   SPAWN_LAUNCHER_CONTROL  Unix socket path, a TCP port (listened on all interfaces), or `fd:N`: a
 *                           socket the host bound and listens on, inherited as descriptor N
 *   SPAWN_LAUNCHER_TOKEN    the one message accepted must carry it (other sandboxes cannot guess it)
 *   SPAWN_LAUNCHER_FORWARD  optional Unix socket (path or `fd:N`) served from start-up by piping
 *                           each connection to 127.0.0.1:$PORT (the host reaches an app in its own
 *                           network namespace through it)
 *   SPAWN_LAUNCHER_PRELOAD  comma-separated modules required up front (failures ignored)
 *
 * Protocol: the host connects to the control address and writes one JSON line
 *   {"token":…, "mode":"load", "entry":"/app/server.js", "env":{…}}   — run the entry in this process
 *   {"token":…, "mode":"spawn", "command":[…], "env":{…}}            — run any command as a child
 *   {"token":…, "mode":"files", "root":"/app", "files":[{path,content}]} — write the app's files
 *     (as this unprivileged user, before any app code ran; answered {"event":"written"}, and the
 *     launcher keeps listening for the start message: docker's archive API costs far more)
 * then reads JSON lines back: {"event":"hello"} as soon as the connection is accepted (the
 * launcher is up: pools wait for it), {"event":"ready"} once the app listens on $PORT (load) or
 * {"event":"spawned"} (spawn: the host has to poll). The control listener closes after the first
 * valid message: a sandbox starts one app, once.
 */
import fs from 'node:fs';
import Module from 'node:module';
import net from 'node:net';
import os from 'node:os';
import { spawn } from 'node:child_process';

const env = process.env;
const LAUNCHER_LISTENING = 'spawnai-launcher: listening';
const fromStdin = process.argv.includes('--config-stdin');

/** The one JSON line the host writes on stdin; stdin is closed after it (the app gets none of it). */
async function readStdinConfig() {
  let text = '';
  process.stdin.setEncoding('utf8');
  for await (const chunk of process.stdin) {
    text += chunk;
    if (text.includes('\n') || text.length > 65_536) break;
  }
  process.stdin.destroy();
  try {
    return JSON.parse(text.split('\n')[0] ?? '');
  } catch {
    return {};
  }
}

const config = fromStdin
  ? await readStdinConfig()
  : { control: env.SPAWN_LAUNCHER_CONTROL, token: env.SPAWN_LAUNCHER_TOKEN, forward: env.SPAWN_LAUNCHER_FORWARD, preload: (env.SPAWN_LAUNCHER_PRELOAD ?? '').split(',') };
const control = String(config.control ?? '');
// Cleared once the one start message matched it: nothing the app runs later can find it here.
let token = String(config.token ?? '');
const forwardPath = String(config.forward ?? '');
const preload = (Array.isArray(config.preload) ? config.preload : []).map(String).filter(Boolean);
for (const key of ['SPAWN_LAUNCHER_CONTROL', 'SPAWN_LAUNCHER_TOKEN', 'SPAWN_LAUNCHER_FORWARD', 'SPAWN_LAUNCHER_PRELOAD']) delete env[key];
if (!control || !token) {
  console.error('app launcher: a control address and a token are required');
  process.exit(2);
}

// Preloaded through the app's own resolution (NODE_PATH, /node_modules): its require() then hits the cache.
const requireFromApp = Module.createRequire('/app/');
for (const name of preload) {
  try {
    requireFromApp(name);
  } catch {
    // not installed here: the app pays for it if it uses it
  }
}

/**
 * One request through an HTTP server and client before any app exists, so the code an app's first
 * request runs (parser, server and socket paths) is compiled already: the first 200 is not its warm-up.
 */
async function warmUpHttp() {
  const http = requireFromApp('node:http');
  const server = http.createServer((req, res) => res.end('warm'));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/', agent: false }, (res) => res.resume().on('end', resolve));
    req.on('error', resolve);
  });
  await new Promise((resolve) => server.close(resolve));
}
if (preload.includes('node:http')) await warmUpHttp().catch(() => undefined);

function unlinkQuietly(path) {
  try {
    fs.unlinkSync(path);
  } catch {
    // nothing there
  }
}

/**
 * What to listen on: an inherited descriptor (`fd:N`; the host bound it, so nothing is created in
 * the sandbox and the app's own quota cannot get in the way), a TCP port or a Unix socket path.
 */
function listenTarget(address) {
  if (address.startsWith('fd:')) return { fd: Number(address.slice(3)) };
  if (/^\d+$/.test(address)) return { port: Number(address) };
  unlinkQuietly(address);
  return { path: address };
}

/** Serves `address`, piping each connection to the app's 127.0.0.1:port (refused until it listens). */
function forward(address, port) {
  const server = net.createServer((client) => {
    const upstream = net.connect(port, '127.0.0.1');
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    for (const s of [client, upstream]) s.on('error', close).on('close', close);
    client.pipe(upstream).pipe(client);
  });
  server.on('error', (err) => {
    console.error(`app launcher cannot listen on ${address}: ${err.message}`);
    process.exit(1);
  });
  server.listen(listenTarget(address));
}

function reply(socket, event) {
  socket.end(`${JSON.stringify({ event })}\n`);
}

/** Tells the host once the app's own server listens on $PORT (wrapping listen sees every server). */
function notifyWhenListening(port, notify) {
  const listen = net.Server.prototype.listen;
  let done = false;
  net.Server.prototype.listen = function (...args) {
    this.once('listening', () => {
      const address = this.address();
      if (done || address === null || typeof address === 'string' || address.port !== port) return;
      done = true;
      net.Server.prototype.listen = listen;
      notify();
    });
    return listen.apply(this, args);
  };
}

function runSpawned(command, socket) {
  const child = spawn(command[0], command.slice(1), { stdio: 'inherit' });
  child.on('error', (err) => {
    console.error(`cannot start ${command[0]}: ${err.message}`);
    process.exit(127);
  });
  child.on('exit', (code, signal) => process.exit(code ?? 128 + (os.constants.signals[signal] ?? 0)));
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  reply(socket, 'spawned');
}

/** Writes the app's files under root; every path relative, without `..`, `.` or empty parts. */
function writeFiles(message) {
  const root = String(message.root ?? '');
  if (!root.startsWith('/') || !Array.isArray(message.files)) throw new Error('a files message needs an absolute root and files');
  for (const file of message.files) {
    const rel = String(file?.path ?? '');
    const segments = rel.split('/');
    if (!rel || rel.startsWith('/') || rel.includes('\\') || rel.includes('\0') || segments.some((x) => x === '' || x === '.' || x === '..')) {
      throw new Error(`refusing app file path ${JSON.stringify(rel)}`);
    }
    const target = `${root}/${rel}`;
    fs.mkdirSync(target.slice(0, target.lastIndexOf('/')), { recursive: true, mode: 0o755 });
    fs.writeFileSync(target, String(file.content ?? ''), { mode: 0o644 });
  }
}

function start(message, socket) {
  Object.assign(env, message.env ?? {});
  if (message.mode === 'spawn' && Array.isArray(message.command) && message.command.length > 0) {
    runSpawned(message.command.map(String), socket);
    return;
  }
  const entry = String(message.entry ?? '');
  notifyWhenListening(Number(env.PORT), () => reply(socket, 'ready'));
  process.argv = [process.execPath, entry];
  // As `node <entry>` would: CommonJS or ESM by the usual rules, require.main set for CommonJS.
  Module.runMain(entry);
}

// Before the control socket: once the launcher answers there, the app's socket is served too.
if (forwardPath) forward(forwardPath, Number(env.PORT));

const MAX_MESSAGE_CHARS = 96 * 1024 * 1024;

const server = net.createServer({ allowHalfOpen: true }, (socket) => {
  let buffered = '';
  socket.setEncoding('utf8');
  socket.on('error', () => undefined);
  socket.write(`${JSON.stringify({ event: 'hello' })}\n`);
  socket.on('data', (chunk) => {
    buffered += chunk;
    // Room for an app's files (its /app is 64 MiB at most); nothing but the host can reach this port.
    if (buffered.length > MAX_MESSAGE_CHARS) return socket.destroy();
    const newline = buffered.indexOf('\n', buffered.length - chunk.length);
    if (newline < 0) return;
    let message;
    try {
      message = JSON.parse(buffered.slice(0, newline));
    } catch {
      return socket.destroy();
    }
    if (!message || message.token !== token) return socket.destroy();
    socket.removeAllListeners('data');
    if (message.mode === 'files') {
      try {
        writeFiles(message);
        reply(socket, 'written');
      } catch (err) {
        console.error(`app launcher: ${err.message}`);
        reply(socket, 'refused');
      }
      return;
    }
    token = '';
    delete message.token;
    server.close();
    if (!/^(\d+|fd:\d+)$/.test(control)) unlinkQuietly(control);
    start(message, socket);
  });
});
server.on('error', (err) => {
  console.error(`app launcher cannot listen on ${control}: ${err.message}`);
  process.exit(1);
});
server.listen(listenTarget(control), () => {
  if (fromStdin) process.stdout.write(`${LAUNCHER_LISTENING}\n`);
});
