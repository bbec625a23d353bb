import { readFile } from 'node:fs/promises';
import type Docker from 'dockerode';
import type { Logger } from '../../log/index.ts';
import { API_TIMEOUT_MS } from './container-ops.ts';
import { withTimeout } from './exec-streams.ts';

/** Docker's default seccomp profile refuses io_uring from Engine 25 on. */
const FIRST_ENGINE_BLOCKING_IO_URING = 25;

/**
 * Sandboxes get the Engine's default seccomp profile. Before Engine 25 it lets containers use
 * io_uring, a frequent source of kernel exploits, unless the host turned io_uring off; say so once
 * at start-up, with the fix (the process runtime's own filter refuses it everywhere).
 */
export async function warnIfIoUringAllowed(docker: Docker, logger: Logger): Promise<void> {
  const version = (await withTimeout(docker.version(), API_TIMEOUT_MS, 'docker version')).Version;
  if (Number(version.split('.')[0]) >= FIRST_ENGINE_BLOCKING_IO_URING) return;
  const disabled = (await readFile('/proc/sys/kernel/io_uring_disabled', 'utf8').catch(() => '0')).trim();
  if (disabled === '2') return;
  logger.warn(`Docker Engine ${version} lets sandboxes use io_uring (its default seccomp profile blocks it from Engine ${FIRST_ENGINE_BLOCKING_IO_URING}): upgrade Docker, or run \`sysctl kernel.io_uring_disabled=2\` on this host`);
}
