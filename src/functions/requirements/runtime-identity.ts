import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { FunctionRuntime } from '../../api-types.ts';

const run = promisify(execFile);
const PROBE_TIMEOUT_MS = 30_000;
const RUNTIME_IMAGE = 'spawnai-runtime:latest';

/** What a layer is built for: the interpreter that will import it and the image it runs in. */
export interface RuntimeIdentity {
  /** e.g. `Python 3.11.2`, `v20.20.0` */
  interpreter: string;
  /** The runtime image's id (container isolation) or `host`. */
  image: string;
  /** `3.11` when the sandbox's Python differs from the installer's (pip's --python-version). */
  pythonVersion?: string;
}

async function output(file: string, args: string[]): Promise<string> {
  const { stdout, stderr } = await run(file, args, { timeout: PROBE_TIMEOUT_MS });
  return (stdout || stderr).trim();
}

/**
 * Probed once per runtime: the host's interpreters for sandboxes that share the host's
 * filesystem (process runtime), the runtime image's for containers.
 */
export async function probeIdentity(runtime: FunctionRuntime, inContainer: boolean, python: string): Promise<RuntimeIdentity> {
  const hostPython = runtime === 'python' ? await output(python, ['-V']) : '';
  const onHost = { interpreter: runtime === 'python' ? hostPython : process.version, image: 'host' };
  if (!inContainer) return onHost;
  // No docker CLI (the driver talks to the Engine's socket): assume the image's interpreters match.
  return probeImage(runtime, hostPython).catch(() => ({ ...onHost, image: RUNTIME_IMAGE }));
}

async function probeImage(runtime: FunctionRuntime, hostPython: string): Promise<RuntimeIdentity> {
  const image = await output('docker', ['image', 'inspect', '--format', '{{.Id}}', RUNTIME_IMAGE]);
  const binary = runtime === 'python' ? 'python3' : 'node';
  const flag = runtime === 'python' ? '-V' : '--version';
  const interpreter = await output('docker', ['run', '--rm', '--network', 'none', '--entrypoint', binary, RUNTIME_IMAGE, flag]);
  const minor = (v: string): string | undefined => /(\d+\.\d+)/.exec(v)?.[1];
  const differs = runtime === 'python' && minor(interpreter) !== minor(hostPython);
  return { interpreter, image, ...(differs ? { pythonVersion: minor(interpreter) } : {}) };
}
