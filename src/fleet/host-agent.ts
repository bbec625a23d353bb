import os from 'node:os';
import type { Platform } from '../orchestrator/index.ts';
import { availableMemoryMb } from '../runtime/index.ts';
import type { HostCapacity } from '../store/index.ts';
import { hostLoad, holdsSandbox } from './autoscaler/region-inputs.ts';
import { slotsPerHost } from './autoscaler/decide.ts';
import { intakeFor, largestSandboxMb, memoryRoom, roomFor } from './placement/intake.ts';
import { fullerHostWithRoom, PackingHold } from './placement/packing.ts';

export const HOST_HEARTBEAT_MS = 5_000;
/** How long work may wait in the region's queue while this host holds back for a fuller one. */
export const PACK_HOLD_MS = 2 * HOST_HEARTBEAT_MS;

export type HostAgentPlatform = Pick<Platform, 'store' | 'config' | 'logger' | 'workerId' | 'queue'>;

export interface HostAgentOptions {
  beatMs?: number;
  packHoldMs?: number;
  /** The host's memory (MB): tests inject it, as every fake droplet shares this machine's. */
  totalMemoryMb?: number;
  freeMemoryMb?: () => number;
}

/**
 * On a worker host that joined the fleet: every beat it advertises its capacity (free memory,
 * sandboxes, pool, room) on its fleet host row — the proof it is alive —, takes only as many
 * session.run jobs as it has room for (slots and free memory: intakeFor, memoryRoom), holds back
 * while a fuller host of its region can take them (packing.ts), and once the autoscaler marks the
 * host draining it stops taking work (its apps keep serving until they end).
 */
export function startHostAgent(platform: HostAgentPlatform, hostId: string, options: HostAgentOptions = {}): { stop(): void; readonly intake: number | null } {
  const { store, config, logger } = platform;
  const beatMs = options.beatMs ?? HOST_HEARTBEAT_MS;
  const freeMemory = options.freeMemoryMb ?? availableMemoryMb;
  const slots = slotsPerHost(options.totalMemoryMb ?? Math.floor(os.totalmem() / 1024 / 1024), config.fleet.memoryFloorMb, config.sandbox.memoryMb);
  const sandboxMb = largestSandboxMb(config.pricing.tiers, config.sandbox.memoryMb);
  const hold = new PackingHold(options.packHoldMs ?? 2 * beatMs);
  let stoppedTaking = false;
  let intake: number | null = null;
  const waitingJobs = (): Promise<number> => platform.queue.waitingForIntake?.() ?? platform.queue.depth();
  const beat = async (): Promise<void> => {
    const host = await store.fleet.getHost(hostId);
    const sessions = host ? hostLoad({ ...host, workerId: platform.workerId }, await store.fleet.sessionLoad()) : [];
    const sandboxes = sessions.filter(holdsSandbox).length;
    const activeJobs = sessions.length - sandboxes;
    const freeMemoryMb = freeMemory();
    const room = Math.min(roomFor(slots, sessions.length), memoryRoom(freeMemoryMb, config.fleet.memoryFloorMb, sandboxMb));
    const capacity: HostCapacity = { freeMemoryMb, sandboxes, pool: config.sandbox.poolSize, activeJobs, room };
    const now = new Date();
    await store.fleet.heartbeat(hostId, platform.workerId, capacity, now);
    // Placement by room: a full host stops taking session.run jobs until an app ends.
    let next = intakeFor(capacity, config.workerConcurrency);
    if (next > 0 && host) {
      const fuller = fullerHostWithRoom({ id: hostId, region: host.region, load: sessions.length }, await store.fleet.listHosts(), config.workerConcurrency, now, beatMs);
      // Held back: the pipelines it runs go on, no new session starts here.
      if (hold.shouldHold(fuller, fuller ? await waitingJobs() : 0, now.getTime())) next = activeJobs;
    }
    if (!stoppedTaking && next !== intake) {
      await platform.queue.setIntake?.(next);
      intake = next;
      if (next === 0) logger.info({ hostId, ...capacity }, room === 0 ? 'host full: it takes no new session until an app ends' : 'host holds back: a fuller host of its region takes new sessions');
    }
    if (!stoppedTaking && host && (host.state === 'draining' || host.state === 'destroyed')) {
      stoppedTaking = true;
      logger.info({ hostId }, 'host draining: this worker takes no new work');
      void platform.queue.close();
    }
  };
  const timer = setInterval(() => void beat().catch((err: unknown) => logger.warn({ err }, 'fleet heartbeat failed')), beatMs);
  timer.unref();
  void beat().catch((err: unknown) => logger.warn({ err }, 'fleet heartbeat failed'));
  return {
    stop: () => clearInterval(timer),
    get intake() {
      return intake;
    },
  };
}
