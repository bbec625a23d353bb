import { PassThrough, type Duplex } from 'node:stream';
import type Docker from 'dockerode';
import { LAUNCHER_LISTENING, launcherStdinConfig } from '../launcher/launcher-client.ts';
import { API_TIMEOUT_MS } from './container-ops.ts';
import { LAUNCHER_CONTROL_PORT } from './container-spec.ts';
import { withTimeout } from './exec-streams.ts';

/** Keeps the last bytes of the launcher's output for an error message, not all of it. */
const TAIL_CHARS = 2_048;

export interface LauncherHandover {
  /** Writes the launcher's settings and token on its stdin (call once the container started). */
  send(token: string): void;
  /** Resolves when the launcher printed that it listens (notification, not polling). */
  listening: Promise<void>;
  /** Hangs up the attach: the Engine then closes the launcher's stdin (StdinOnce). */
  close(): void;
}

/**
 * Attaches to a created (not yet started) launcher container: its token goes in on stdin, which
 * only the launcher reads, so neither the container's Env (inherited by every `docker exec`), nor
 * its command line, nor a file in it ever holds the token. Attached before start so the
 * launcher's first line is not missed.
 */
export async function attachLauncher(docker: Docker, container: Docker.Container): Promise<LauncherHandover> {
  const stream = (await withTimeout(
    container.attach({ stream: true, hijack: true, stdin: true, stdout: true, stderr: true }),
    API_TIMEOUT_MS,
    'docker attach',
  )) as unknown as Duplex;
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  docker.modem.demuxStream(stream, stdout, stderr);
  let out = '';
  let err = '';
  const listening = new Promise<void>((resolve, reject) => {
    stdout.setEncoding('utf8');
    stderr.setEncoding('utf8');
    stdout.on('data', (chunk: string) => {
      out = (out + chunk).slice(-TAIL_CHARS);
      if (out.split('\n').includes(LAUNCHER_LISTENING)) resolve();
    });
    stderr.on('data', (chunk: string) => (err = (err + chunk).slice(-TAIL_CHARS)));
    const gone = (): void => reject(new Error(`the sandbox's app launcher stopped before it listened: ${err.trim() || 'no output'}`));
    stream.on('end', gone);
    stream.on('close', gone);
    stream.on('error', gone);
  });
  // Rejections are awaited by the caller; this only keeps an abandoned handover from crashing.
  listening.catch(() => undefined);
  return {
    send: (token) => void stream.write(launcherStdinConfig(String(LAUNCHER_CONTROL_PORT), token)),
    listening,
    close: () => stream.destroy(),
  };
}
