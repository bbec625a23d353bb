import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type Docker from 'dockerode';
import type { Logger } from '../../log/index.ts';

export const RUNTIME_IMAGE_LATEST = 'spawnai-runtime:latest';
const BUILD_SCRIPT = fileURLToPath(new URL('../../../images/runtime/build-offline.sh', import.meta.url));
const BUILD_TIMEOUT_MS = 15 * 60_000; // debootstrap from a slow mirror

async function imageExists(docker: Docker, image: string): Promise<boolean> {
  try {
    await docker.getImage(image).inspect();
    return true;
  } catch {
    return false;
  }
}

function runBuildScript(logger: Logger): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [BUILD_SCRIPT], {
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: BUILD_TIMEOUT_MS,
    });
    let stdout = '';
    let stderrTail = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      stderrTail = (stderrTail + text).slice(-4000);
      for (const line of text.split('\n')) if (line.trim()) logger.info({ line }, 'runtime image build');
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const image = stdout.trim().split('\n').pop() ?? '';
      if (code === 0 && image) resolve(image);
      else reject(new Error(`${BUILD_SCRIPT} failed (${signal ?? `exit ${code}`}): ${stderrTail.trim()}`));
    });
  });
}

/**
 * Returns the runtime image to start sandboxes from. An explicit image must exist. Otherwise the
 * offline build script runs: it returns at once when the image for the current inputs exists and
 * builds it (about a minute, needs root and debootstrap) when not. Where it cannot run, an existing
 * `spawnai-runtime:latest` (e.g. built from images/runtime/Dockerfile) is used with a warning.
 */
export async function ensureRuntimeImage(docker: Docker, logger: Logger, image?: string): Promise<string> {
  if (image) {
    if (await imageExists(docker, image)) return image;
    throw new Error(`runtime image ${image} does not exist: build it with images/runtime/build-offline.sh`);
  }
  try {
    return await runBuildScript(logger);
  } catch (err) {
    if (await imageExists(docker, RUNTIME_IMAGE_LATEST)) {
      logger.warn({ err }, `runtime image build failed; using the existing ${RUNTIME_IMAGE_LATEST}`);
      return RUNTIME_IMAGE_LATEST;
    }
    throw err;
  }
}
