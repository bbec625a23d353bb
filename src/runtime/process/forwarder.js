/*
 * Runs INSIDE the sandbox under plain node (no TypeScript, no dependencies), as an ES module: the
 * sandbox sees it as /opt/spawnai/forwarder.mjs.
 * Usage: node forwarder.mjs <socketPath> <port> <command...>
 *
 * The sandbox has its own network namespace, so the host cannot reach the app's 127.0.0.1:<port>.
 * This starts the app as a child and serves a Unix socket in a directory bind-mounted from the
 * host, piping every connection to the app's port. It exits with the app's exit status.
 */
import net from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import { spawn } from 'node:child_process';

const [socketPath, portText, ...command] = process.argv.slice(2);
const port = Number(portText);
if (!socketPath || !Number.isInteger(port) || command.length === 0) {
  console.error('usage: forwarder.mjs <socketPath> <port> <command...>');
  process.exit(2);
}

const app = spawn(command[0], command.slice(1), { stdio: 'inherit' });
app.on('error', (err) => {
  console.error(`cannot start ${command[0]}: ${err.message}`);
  process.exit(127);
});
app.on('exit', (code, signal) => {
  process.exit(code ?? 128 + (os.constants.signals[signal] ?? 0));
});
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) {
  process.on(signal, () => app.kill(signal));
}

try {
  fs.unlinkSync(socketPath);
} catch {
  // no stale socket
}
const server = net.createServer((client) => {
  const upstream = net.connect(port, '127.0.0.1');
  const close = () => {
    client.destroy();
    upstream.destroy();
  };
  client.on('error', close);
  upstream.on('error', close);
  client.on('close', close);
  upstream.on('close', close);
  client.pipe(upstream).pipe(client);
});
server.on('error', (err) => {
  console.error(`forwarder cannot listen on ${socketPath}: ${err.message}`);
  app.kill('SIGKILL');
  process.exit(1);
});
server.listen(socketPath);
