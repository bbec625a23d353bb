import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { posix } from 'node:path';

/** The launcher's source: drivers run it as `node --input-type=module -e <source>` (no file to mount). */
export const LAUNCHER_SOURCE = readFileSync(new URL('./app-launcher.mjs', import.meta.url), 'utf8');
export const LAUNCHER_ARGV: readonly string[] = ['--input-type=module', '-e', LAUNCHER_SOURCE];

/**
 * Modules a launcher loads before its app exists. Node's built-ins an HTTP server touches on its
 * first request are cheap and shared; the curated npm packages are left out by default: each
 * costs every idle app its heap (express ≈ 3 MiB of PSS), so they are opt-in (SPAWN_LAUNCHER_PRELOAD).
 */
export const DEFAULT_PRELOAD = ['node:http', 'node:https', 'node:crypto', 'node:zlib', 'node:url', 'node:fs/promises'];

/** Where the launcher listens: a Unix socket path or a TCP address. */
export type ControlAddress = { socketPath: string } | { host: string; port: number };

export type LaunchOutcome = 'ready' | 'spawned' | 'written' | 'closed';

export interface LauncherHandle {
  token: string;
  control: ControlAddress;
}

export function newLauncherToken(): string {
  return randomBytes(24).toString('hex');
}

/** The launcher's environment variables (the app never sees them: the launcher deletes them). */
export function launcherEnv(control: string, token: string, options: { forward?: string; preload?: readonly string[] } = {}): Record<string, string> {
  return {
    SPAWN_LAUNCHER_CONTROL: control,
    SPAWN_LAUNCHER_TOKEN: token,
    ...(options.forward ? { SPAWN_LAUNCHER_FORWARD: options.forward } : {}),
    SPAWN_LAUNCHER_PRELOAD: (options.preload ?? DEFAULT_PRELOAD).join(','),
  };
}

/** Starts a launcher that reads its settings from one JSON line on stdin (see launcherStdinConfig). */
export const LAUNCHER_STDIN_ARGV: readonly string[] = [...LAUNCHER_ARGV, '--', '--config-stdin'];
/** What a launcher configured through stdin prints once it listens (the host waits for this line). */
export const LAUNCHER_LISTENING = 'spawnai-launcher: listening';

/** launcherEnv's settings as the one line a `--config-stdin` launcher reads: no environment carries them. */
export function launcherStdinConfig(control: string, token: string, options: { forward?: string; preload?: readonly string[] } = {}): string {
  return `${JSON.stringify({ control, token, forward: options.forward ?? '', preload: options.preload ?? DEFAULT_PRELOAD })}\n`;
}

/** `node <file>.js` runs inside the launcher; anything else (python, flags) is spawned by it. */
export function launchMessage(command: readonly string[], appDir: string, env: Record<string, string> = {}): Record<string, unknown> {
  const [interpreter, entry, ...rest] = command;
  if (interpreter === 'node' && entry && /\.(c|m)?js$/.test(entry) && !entry.startsWith('-') && rest.length === 0) {
    return { mode: 'load', entry: posix.resolve(appDir, entry), env };
  }
  return { mode: 'spawn', command, env };
}

const RETRY_MS = 5;

/**
 * Sends the one start message and resolves once it is delivered; `outcome` then resolves with the
 * launcher's answer (`ready` when the app listens), or `closed` when the launcher went away first.
 * Retries the connection until `deadlineMs`: a launcher started a moment ago may not listen yet.
 */
export async function startThroughLauncher(
  handle: LauncherHandle,
  message: Record<string, unknown>,
  deadlineMs: number,
): Promise<{ outcome: Promise<LaunchOutcome> }> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    try {
      const socket = await connect(handle.control);
      const outcome = new Promise<LaunchOutcome>((resolve) => {
        let buffered = '';
        socket.setEncoding('utf8');
        socket.on('data', (chunk: string) => {
          buffered += chunk;
          // The greeting says only that the launcher is up; the answer to the message follows it.
          for (let newline = buffered.indexOf('\n'); newline >= 0; newline = buffered.indexOf('\n')) {
            const event = parseEvent(buffered.slice(0, newline));
            buffered = buffered.slice(newline + 1);
            if (event === 'hello') continue;
            resolve(event === 'ready' || event === 'spawned' || event === 'written' ? event : 'closed');
            socket.destroy();
            return;
          }
        });
        socket.on('error', () => resolve('closed'));
        socket.on('close', () => resolve('closed'));
      });
      socket.write(`${JSON.stringify({ ...message, token: handle.token })}\n`);
      return { outcome };
    } catch (err) {
      if (Date.now() >= until) throw new Error(`the sandbox's app launcher did not answer: ${(err as Error).message}`, { cause: err });
      await new Promise((r) => setTimeout(r, RETRY_MS));
    }
  }
}

/**
 * Resolves once the launcher greets a connection (Node started, modules loaded, the app's socket
 * served); rejects when it does not within `timeoutMs` or `gone()` says it exited.
 */
export async function waitForGreeting(address: ControlAddress, timeoutMs: number, gone: () => string | undefined): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const exited = gone();
    if (exited) throw new Error(`the app launcher exited (${exited}) before it listened`);
    if (await greets(address, Math.max(until - Date.now(), 1))) return;
    if (Date.now() > until) throw new Error(`the app launcher did not listen within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, RETRY_MS * 2));
  }
}

async function greets(address: ControlAddress, timeoutMs: number): Promise<boolean> {
  const socket = await connect(address).catch(() => null);
  if (!socket) return false;
  let timer: NodeJS.Timeout | undefined;
  try {
    return await new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
      socket.setEncoding('utf8');
      socket.once('data', (chunk: string) => resolve(parseEvent(chunk.split('\n')[0] ?? '') === 'hello'));
      socket.once('close', () => resolve(false));
      socket.on('error', () => resolve(false));
    });
  } finally {
    clearTimeout(timer);
    socket.destroy();
  }
}

function connect(address: ControlAddress): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = 'socketPath' in address ? net.connect(address.socketPath) : net.connect(address.port, address.host);
    socket.once('connect', () => {
      socket.removeListener('error', reject);
      resolve(socket);
    });
    socket.once('error', reject);
  });
}

function parseEvent(line: string): string | undefined {
  try {
    return (JSON.parse(line) as { event?: string }).event;
  } catch {
    return undefined;
  }
}

/** `ready` when the launcher said so within `timeoutMs`; `unknown` (the caller polls) otherwise. */
export async function readyWithin(outcome: Promise<LaunchOutcome>, timeoutMs: number): Promise<'ready' | 'unknown'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'unknown'>((resolve) => (timer = setTimeout(() => resolve('unknown'), timeoutMs)));
  try {
    return (await Promise.race([outcome, timeout])) === 'ready' ? 'ready' : 'unknown';
  } finally {
    clearTimeout(timer);
  }
}
