/*
 * Runs INSIDE the installer's sandbox under plain node (no TypeScript, no dependencies), as an
 * ES module. Usage: node egress-relay.mjs <socketPath> <port> <command...>
 *
 * The sandbox has its own network namespace with nothing but loopback. This listens on
 * 127.0.0.1:<port> there and pipes every connection to a Unix socket bind-mounted from the host,
 * where the allow-list proxy (egress-proxy.ts) decides where it may go; then it runs the command
 * (pip or npm, told to use http://127.0.0.1:<port> as their proxy) and exits with its status.
 *
 * Written by hand because it is twenty lines of node:net: socat would do it but is one more host
 * dependency, and no npm package may be loaded here (the sandbox sees no node_modules).
 */
import net from 'node:net';
import os from 'node:os';
import { spawn } from 'node:child_process';

const [socketPath, portText, ...command] = process.argv.slice(2);
const port = Number(portText);
if (!socketPath || !Number.isInteger(port) || command.length === 0) {
  console.error('usage: egress-relay.mjs <socketPath> <port> <command...>');
  process.exit(2);
}

const server = net.createServer((client) => {
  const upstream = net.connect(socketPath);
  const close = () => {
    client.destroy();
    upstream.destroy();
  };
  for (const socket of [client, upstream]) {
    socket.on('error', close);
    socket.on('close', close);
  }
  client.pipe(upstream).pipe(client);
});
server.on('error', (err) => {
  console.error(`egress relay cannot listen on 127.0.0.1:${port}: ${err.message}`);
  process.exit(1);
});
server.listen(port, '127.0.0.1', () => {
  const child = spawn(command[0], command.slice(1), { stdio: 'inherit' });
  child.on('error', (err) => {
    console.error(`cannot start ${command[0]}: ${err.message}`);
    process.exit(127);
  });
  child.on('exit', (code, signal) => process.exit(code ?? 128 + (os.constants.signals[signal] ?? 0)));
  for (const name of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(name, () => child.kill(name));
});
