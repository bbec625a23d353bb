import { randomBytes } from 'node:crypto';
import type { SpawnConfig } from '../../config/index.ts';
import { SpawnError } from '../../errors/index.ts';
import type { Logger } from '../../log/index.ts';
import { PeriodicTask, type JobQueue } from '../../queue/index.ts';
import type { FleetHostRecord, SessionLoad, Store } from '../../store/index.ts';
import type { LeaderLease } from '../leader/leader-lease.ts';
import type { CloudProvider } from '../provider/cloud-provider.ts';
import { decide, slotsPerHost, type Decision } from './decide.ts';
import { fleetTags, HostActions } from './host-actions.ts';
import { holdsSandbox, hostLoad, isOrphaned, regionInputs } from './region-inputs.ts';
import { reapUnknownHosts } from './reaper.ts';

/** A joined host that has not heartbeaten for this long is presumed dead (host agent beats every 5 s). */
export const HOST_LOST_AFTER_MS = 30_000;
const REAP_EVERY_MS = 60_000;
/** How long after a host was lost its leftover work is still looked for (sessions fail STUCK_TIMEOUT or expire well before). */
const LOST_WORK_WINDOW_MS = 24 * 3_600_000;

export interface AutoscalerDeps {
  store: Store;
  provider: CloudProvider;
  lease: LeaderLease;
  config: SpawnConfig;
  logger: Logger;
  /** Ends a session with a reason (HOST_RETIRED): the platform's lifecycle. */
  failSession(sessionId: string, error: SpawnError): Promise<void>;
  /** Where an app whose host was lost is queued again (its region's queue), for a host with room. */
  queue: Pick<JobQueue, 'enqueue'>;
  holder: string;
}

/**
 * The fleet's control loop, on the lease holder only: per region it observes (queued sessions and
 * tasks, pipelines, live sandboxes, hosts), decides (decide()), records the decision, and acts —
 * create hosts, drain idle ones, retire drained, late-joining, lost and too-old hosts — and runs
 * the reaper every minute and when it becomes leader.
 */
export class Autoscaler extends PeriodicTask {
  readonly #d: AutoscalerDeps;
  readonly #actions: HostActions;
  readonly #idleSince = new Map<string, Date>();
  #leader = false;
  #lastReap = 0;
  #stopped = false;

  constructor(deps: AutoscalerDeps) {
    super(deps.config.fleet.intervalMs, (err) => deps.logger.warn({ err }, 'fleet pass failed'));
    this.#d = deps;
    this.#actions = new HostActions(deps);
  }

  get isLeader(): boolean {
    return this.#leader;
  }

  readonly #onStop: (() => void)[] = [];

  onStop(fn: () => void): void {
    this.#onStop.push(fn);
  }

  override async stop(): Promise<void> {
    this.#stopped = true;
    for (const fn of this.#onStop) fn();
    await super.stop();
    await this.#d.lease.close();
  }

  protected async pass(): Promise<void> {
    if (this.#stopped) return;
    const { store, config, lease, logger } = this.#d;
    if (!(await lease.acquire())) {
      if (this.#leader) logger.warn('fleet leadership lost');
      this.#leader = false;
      return;
    }
    const now = new Date();
    if (!this.#leader) {
      this.#leader = true;
      logger.info({ holder: this.#d.holder }, 'fleet leader: the autoscaler runs here');
      const tags = fleetTags(config.redisNamespace);
      await this.#d.provider.ensureFirewall({ name: tags.install, targetTag: tags.worker, gatewayPort: config.fleet.gatewayPort, sourceTags: [tags.api], sshSources: config.fleet.sshSources });
      this.#lastReap = 0;
    }
    const sessions = await store.fleet.sessionLoad();
    await this.#resumeCreates(await store.fleet.listHosts(), now);
    await this.#retireBroken(await store.fleet.listHosts(), sessions, now);
    await this.#finishDrains(await store.fleet.listHosts(), sessions, now);
    const hosts = await store.fleet.listHosts();
    const lostWorkers = await this.#lostWorkers(now);
    for (const s of sessions) if (holdsSandbox(s) && isOrphaned(s, lostWorkers)) await this.#relocate(s);
    this.#trackIdle(hosts, sessions, now);
    const queuedTasks = await store.fleet.queuedTasks();
    const hostMemory = config.pricing.tiers[config.fleet.size]?.memoryMb ?? 4096;
    const policy = {
      min: config.fleet.minPerRegion,
      max: config.fleet.maxPerRegion,
      slotsPerHost: slotsPerHost(hostMemory, config.fleet.memoryFloorMb, config.sandbox.memoryMb),
      scaleUpAfterSeconds: config.fleet.scaleUpAfterSeconds,
      cooldownSeconds: config.fleet.cooldownSeconds,
      hostMaxHours: config.fleet.hostMaxHours,
    };
    for (const region of config.regions.served) {
      const inputs = regionInputs(region, config.regions.default, hosts, sessions, queuedTasks, this.#idleSince, now, lostWorkers);
      const decision = decide(inputs, policy, now);
      // Acting only while still the holder: a node that lost the lease mid-pass must not act twice.
      if (decision.action.kind !== 'none' && !(await lease.acquire())) return;
      await this.#record(decision, { ...inputs, hosts: inputs.hosts.map((h) => ({ id: h.id, state: h.state, load: h.load })), slotsPerHost: policy.slotsPerHost }, now);
      await this.#act(decision, now);
    }
    if (now.getTime() - this.#lastReap >= REAP_EVERY_MS) {
      this.#lastReap = now.getTime();
      await reapUnknownHosts({ store, provider: this.#d.provider, actions: this.#actions, config, logger, now });
    }
  }

  async #record(decision: Decision, inputs: Record<string, unknown>, now: Date): Promise<void> {
    const action = decision.action.kind === 'create' ? `create ${decision.action.count}` : decision.action.kind === 'drain' ? `drain ${decision.action.hostIds.join(',')}` : 'none';
    this.#d.logger.info({ region: decision.region, desired: decision.desired, current: decision.current, action, reason: decision.reason }, 'fleet decision');
    await this.#d.store.fleet.addDecision({ id: `${now.getTime()}-${randomBytes(3).toString('hex')}`, at: now, region: decision.region, leader: this.#d.holder, inputs: { ...inputs, reason: decision.reason, current: decision.current }, desired: decision.desired, action });
  }

  async #act(decision: Decision, now: Date): Promise<void> {
    const { action } = decision;
    if (action.kind === 'create') {
      for (let i = 0; i < action.count; i++) await this.#actions.create(decision.region, now);
    } else if (action.kind === 'drain') {
      for (const id of action.hostIds) {
        const drained = await this.#d.store.fleet.transitionHost(id, ['active'], 'draining', { drainStartedAt: now });
        if (drained) this.#d.logger.info({ hostId: id, region: drained.region }, 'fleet host draining: it takes no new work');
      }
    }
  }

  /** Rows left `creating` by a create the cloud refused for a while (429/5xx) are asked again. */
  async #resumeCreates(hosts: FleetHostRecord[], now: Date): Promise<void> {
    for (const h of hosts) {
      if (h.state !== 'creating' || now.getTime() - h.createdAt.getTime() > this.#d.config.fleet.joinTimeoutSeconds * 1000) continue;
      await this.#actions.provision(h, now);
    }
  }

  /** Hosts that never joined in time, and joined hosts whose worker stopped heartbeating. */
  async #retireBroken(hosts: FleetHostRecord[], sessions: SessionLoad[], now: Date): Promise<void> {
    const { config } = this.#d;
    for (const h of hosts) {
      if ((h.state === 'creating' || h.state === 'joining') && now.getTime() - h.createdAt.getTime() > config.fleet.joinTimeoutSeconds * 1000) {
        await this.#actions.destroy(h, 'JOIN_TIMEOUT', now);
      } else if ((h.state === 'active' || h.state === 'draining') && now.getTime() - (h.heartbeatAt ?? h.joinedAt ?? h.createdAt).getTime() > HOST_LOST_AFTER_MS) {
        // Destroyed first, so its slot is free for the replacement (SPAWN_FLEET_MAX). Pipelines it
        // ran are re-driven by the reconciler (their heartbeat stopped too); apps whose sandbox
        // lived there are queued again in their region: until a host takes them they count as
        // waiting work (lostWorkers), so the next decision creates one.
        await this.#actions.destroy(h, 'HOST_LOST', now);
      }
    }
  }

  /** Queues a running app of a lost host on its region's queue; the job id makes a repeat a no-op. */
  async #relocate(s: SessionLoad): Promise<void> {
    const region = s.region ?? this.#d.config.regions.default;
    await this.#d.queue.enqueue('session.run', { sessionId: s.id, region, relocate: true, fromWorker: s.workerId }, { jobId: `relocate-${s.id}-${s.workerId ?? ''}` });
  }

  /**
   * Workers of hosts lost recently: their pipelines and apps still name them until another host
   * takes them over. Their apps are queued again every pass (the job id makes a repeat a no-op),
   * so a relocation job lost with Redis comes back.
   */
  async #lostWorkers(now: Date): Promise<Set<string>> {
    const recent = (await this.#d.store.fleet.listHosts({ includeDestroyed: true })).filter(
      (h) => h.state === 'destroyed' && h.reason === 'HOST_LOST' && h.workerId && now.getTime() - (h.destroyedAt ?? now).getTime() < LOST_WORK_WINDOW_MS,
    );
    return new Set(recent.map((h) => h.workerId!));
  }

  /** Draining hosts are destroyed once empty, or at SPAWN_FLEET_DRAIN_MAX_SECONDS with their apps ended HOST_RETIRED. */
  async #finishDrains(hosts: FleetHostRecord[], sessions: SessionLoad[], now: Date): Promise<void> {
    for (const h of hosts.filter((x) => x.state === 'draining')) {
      const load = hostLoad(h, sessions);
      const overdue = now.getTime() - (h.drainStartedAt ?? now).getTime() >= this.#d.config.fleet.drainMaxSeconds * 1000;
      if (load.length > 0 && !overdue) continue;
      for (const s of load) await this.#d.failSession(s.id, new SpawnError('HOST_RETIRED', `the worker host ${h.name} was retired before the app reached its TTL`));
      await this.#actions.destroy(h, load.length > 0 ? 'DRAIN_TIMEOUT' : 'DRAINED', now);
      // Their sandboxes went with the droplet; the lifecycle (on this API node) could not reach
      // them, so their records are closed here, or they would stay "live" with no host.
      for (const s of load) {
        const sandbox = await this.#d.store.sandboxes.getLiveBySession(s.id);
        if (sandbox) await this.#d.store.sandboxes.markDestroyed(sandbox.id);
      }
    }
  }

  #trackIdle(hosts: FleetHostRecord[], sessions: SessionLoad[], now: Date): void {
    for (const h of hosts) {
      if (h.state !== 'active') continue;
      if (hostLoad(h, sessions).length > 0 || !this.#idleSince.has(h.id)) this.#idleSince.set(h.id, now);
    }
  }
}
