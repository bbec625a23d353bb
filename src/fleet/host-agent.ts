import os from 'node:os';
import type { Platform } from '../orchestrator/index.ts';
import { availableMemoryMb } from '../runtime/index.ts';
import type { HostCapacity } from '../store/index.ts';
import { hostLoad, holdsSandbox } from './autoscaler/region-inputs.ts';
import { slotsPerHost } from './autoscaler/decide.ts';
import { intakeFor, roomFor } from './placement/intake.ts';

export const HOST_HEARTBEAT_MS = 5_000;

/**
 * On a worker host that joined the fleet: every 5 s it advertises its capacity (free memory,
 * sandboxes, pool, room) on its fleet host row — the proof it is alive —, takes only as many
 * session.run jobs as it has room for (intakeFor), and once the autoscaler marks the host draining
 * it stops taking work (its apps keep serving until they end).
 */
export function startHostAgent(platform: Platform, hostId: string): { stop(): void } {
  const { store, config, logger } = platform;
  const slots = slotsPerHost(Math.floor(os.totalmem() / 1024 / 1024), config.fleet.memoryFloorMb, config.sandbox.memoryMb);
  let stoppedTaking = false;
  let intake: number | null = null;
  const beat = async (): Promise<void> => {
    const host = await store.fleet.getHost(hostId);
    const sessions = host ? hostLoad({ ...host, workerId: platform.workerId }, await store.fleet.sessionLoad()) : [];
    const sandboxes = sessions.filter(holdsSandbox).length;
    const activeJobs = sessions.length - sandboxes;
    const capacity: HostCapacity = { freeMemoryMb: availableMemoryMb(), sandboxes, pool: config.sandbox.poolSize, activeJobs, room: roomFor(slots, sessions.length) };
    await store.fleet.heartbeat(hostId, platform.workerId, capacity, new Date());
    // Placement by room: a full host stops taking session.run jobs until an app ends.
    const next = intakeFor(capacity, config.workerConcurrency);
    if (!stoppedTaking && next !== intake) {
      intake = next;
      await platform.queue.setIntake?.(next);
      if (next === 0) logger.info({ hostId, ...capacity }, 'host full: it takes no new session until an app ends');
    }
    if (!stoppedTaking && host && (host.state === 'draining' || host.state === 'destroyed')) {
      stoppedTaking = true;
      logger.info({ hostId }, 'host draining: this worker takes no new work');
      void platform.queue.close();
    }
  };
  const timer = setInterval(() => void beat().catch((err: unknown) => logger.warn({ err }, 'fleet heartbeat failed')), HOST_HEARTBEAT_MS);
  timer.unref();
  void beat().catch((err: unknown) => logger.warn({ err }, 'fleet heartbeat failed'));
  return { stop: () => clearInterval(timer) };
}
