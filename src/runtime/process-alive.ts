/**
 * Whether a process of this host with that pid exists (signal 0 probes without signalling; EPERM
 * means it exists under another user). Owner ids of workers, drivers and firewall rules are
 * `host:pid:…`, and this is how a live owner is told from a dead one.
 */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
