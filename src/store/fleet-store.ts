/** The fleet's persistence contract (migration 010): hosts, join tokens, decisions. */
export const FLEET_HOST_STATES = ['creating', 'joining', 'active', 'draining', 'destroyed'] as const;
export type FleetHostState = (typeof FLEET_HOST_STATES)[number];

/** What a worker host advertises in its heartbeat. */
export interface HostCapacity {
  freeMemoryMb: number;
  sandboxes: number;
  /** Warm sandboxes kept ready (the pool). */
  pool: number;
  /** Sessions whose pipeline it is running now. */
  activeJobs: number;
  /** How many more sessions it takes now (0: full, the queue keeps the rest). */
  room: number;
}

export interface FleetHostRecord {
  id: string;
  providerId: string | null;
  name: string;
  region: string;
  size: string;
  state: FleetHostState;
  workerId: string | null;
  hourlyUsd: number;
  capacity: HostCapacity | null;
  createdAt: Date;
  joinedAt: Date | null;
  heartbeatAt: Date | null;
  drainStartedAt: Date | null;
  destroyedAt: Date | null;
  reason: string | null;
}

export interface FleetDecisionRecord {
  id: string;
  at: Date;
  region: string;
  leader: string;
  inputs: Record<string, unknown>;
  desired: number;
  action: string;
}

/** A non-terminal session as the autoscaler sees it. */
export interface SessionLoad {
  id: string;
  region: string | null;
  state: string;
  appType: string;
  workerId: string | null;
  createdAt: Date;
  expiresAt: Date;
}

export interface FleetRepository {
  createHost(host: Omit<FleetHostRecord, 'workerId' | 'capacity' | 'joinedAt' | 'heartbeatAt' | 'drainStartedAt' | 'destroyedAt' | 'reason'>): Promise<FleetHostRecord>;
  getHost(id: string): Promise<FleetHostRecord | null>;
  /** Hosts not yet destroyed (or all, with `includeDestroyed`). */
  listHosts(options?: { includeDestroyed?: boolean }): Promise<FleetHostRecord[]>;
  /** Guarded: only when the host is in one of `from`; returns the row or null. */
  transitionHost(id: string, from: readonly FleetHostState[], to: FleetHostState, patch?: Partial<Pick<FleetHostRecord, 'providerId' | 'workerId' | 'joinedAt' | 'drainStartedAt' | 'destroyedAt' | 'reason'>>): Promise<FleetHostRecord | null>;
  heartbeat(id: string, workerId: string, capacity: HostCapacity, at: Date): Promise<void>;
  createJoinToken(tokenHash: string, hostId: string, expiresAt: Date): Promise<void>;
  /** Marks the token used, once: the host id, or null when unknown, expired or used. */
  consumeJoinToken(tokenHash: string, now: Date): Promise<string | null>;
  addDecision(decision: FleetDecisionRecord): Promise<void>;
  listDecisions(limit: number): Promise<FleetDecisionRecord[]>;
  /** Sessions not yet destroyed or failed, for the autoscaler's inputs. */
  sessionLoad(): Promise<SessionLoad[]>;
  /** Tasks waiting for a worker (they count toward the default region's demand). */
  queuedTasks(): Promise<number>;
  /** Sum of what the sessions driven by these workers were billed (actual, else estimated). */
  billedByWorkers(workerIds: readonly string[]): Promise<Record<string, number>>;
}
