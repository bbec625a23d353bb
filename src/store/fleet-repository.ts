import type { Kysely, Selectable } from 'kysely';
import { fromJson, fromMs, fromMsOrNull, toJson, toMsOrNull } from './codec.ts';
import type { FleetHostsTable } from './fleet-schema.ts';
import type { FleetDecisionRecord, FleetHostRecord, FleetHostState, FleetRepository, HostCapacity, SessionLoad } from './fleet-store.ts';
import type { Database } from './schema.ts';

function hostFromRow(r: Selectable<FleetHostsTable>): FleetHostRecord {
  return {
    id: r.id,
    providerId: r.provider_id,
    name: r.name,
    region: r.region,
    size: r.size,
    state: r.state as FleetHostState,
    workerId: r.worker_id,
    hourlyUsd: Number(r.hourly_usd),
    capacity: r.capacity ? fromJson<HostCapacity>(r.capacity) : null,
    createdAt: fromMs(r.created_at),
    joinedAt: fromMsOrNull(r.joined_at),
    heartbeatAt: fromMsOrNull(r.heartbeat_at),
    drainStartedAt: fromMsOrNull(r.drain_started_at),
    destroyedAt: fromMsOrNull(r.destroyed_at),
    reason: r.reason,
  };
}

export class KyselyFleetRepository implements FleetRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async createHost(h: Parameters<FleetRepository['createHost']>[0]): Promise<FleetHostRecord> {
    const row = await this.db
      .insertInto('fleet_hosts')
      .values({ id: h.id, provider_id: h.providerId, name: h.name, region: h.region, size: h.size, state: h.state, hourly_usd: h.hourlyUsd, created_at: h.createdAt.getTime() })
      .returningAll()
      .executeTakeFirstOrThrow();
    return hostFromRow(row);
  }

  async getHost(id: string): Promise<FleetHostRecord | null> {
    const row = await this.db.selectFrom('fleet_hosts').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? hostFromRow(row) : null;
  }

  async listHosts(options: { includeDestroyed?: boolean } = {}): Promise<FleetHostRecord[]> {
    let q = this.db.selectFrom('fleet_hosts').selectAll().orderBy('created_at').orderBy('id');
    if (!options.includeDestroyed) q = q.where('state', '!=', 'destroyed');
    return (await q.execute()).map(hostFromRow);
  }

  async transitionHost(id: string, from: readonly FleetHostState[], to: FleetHostState, patch: Parameters<FleetRepository['transitionHost']>[3] = {}): Promise<FleetHostRecord | null> {
    const row = await this.db
      .updateTable('fleet_hosts')
      .set({
        state: to,
        ...(patch.providerId !== undefined ? { provider_id: patch.providerId } : {}),
        ...(patch.workerId !== undefined ? { worker_id: patch.workerId } : {}),
        ...(patch.joinedAt !== undefined ? { joined_at: toMsOrNull(patch.joinedAt) } : {}),
        ...(patch.drainStartedAt !== undefined ? { drain_started_at: toMsOrNull(patch.drainStartedAt) } : {}),
        ...(patch.destroyedAt !== undefined ? { destroyed_at: toMsOrNull(patch.destroyedAt) } : {}),
        ...(patch.reason !== undefined ? { reason: patch.reason } : {}),
      })
      .where('id', '=', id)
      .where('state', 'in', [...from])
      .returningAll()
      .executeTakeFirst();
    return row ? hostFromRow(row) : null;
  }

  async heartbeat(id: string, workerId: string, capacity: HostCapacity, at: Date): Promise<void> {
    await this.db.updateTable('fleet_hosts').set({ worker_id: workerId, capacity: toJson(capacity), heartbeat_at: at.getTime() }).where('id', '=', id).execute();
  }

  async createJoinToken(tokenHash: string, hostId: string, expiresAt: Date): Promise<void> {
    await this.db.insertInto('fleet_join_tokens').values({ token_hash: tokenHash, host_id: hostId, expires_at: expiresAt.getTime(), used_at: null }).execute();
  }

  async consumeJoinToken(tokenHash: string, now: Date): Promise<string | null> {
    // One guarded UPDATE: two nodes presenting the same token cannot both win.
    const row = await this.db
      .updateTable('fleet_join_tokens')
      .set({ used_at: now.getTime() })
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now.getTime())
      .returning('host_id')
      .executeTakeFirst();
    return row?.host_id ?? null;
  }

  async addDecision(d: FleetDecisionRecord): Promise<void> {
    await this.db.insertInto('fleet_decisions').values({ id: d.id, at: d.at.getTime(), region: d.region, leader: d.leader, inputs: toJson(d.inputs), desired: d.desired, action: d.action }).execute();
  }

  async listDecisions(limit: number): Promise<FleetDecisionRecord[]> {
    const rows = await this.db.selectFrom('fleet_decisions').selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
    return rows.map((r) => ({ id: r.id, at: fromMs(r.at), region: r.region, leader: r.leader, inputs: fromJson<Record<string, unknown>>(r.inputs), desired: Number(r.desired), action: r.action }));
  }

  async sessionLoad(): Promise<SessionLoad[]> {
    const rows = await this.db
      .selectFrom('sessions')
      .select(['id', 'region', 'state', 'app_type', 'worker_id', 'created_at', 'expires_at'])
      .where('state', 'not in', ['destroyed', 'failed'])
      .execute();
    return rows.map((r) => ({ id: r.id, region: r.region, state: r.state, appType: r.app_type, workerId: r.worker_id, createdAt: fromMs(r.created_at), expiresAt: fromMs(r.expires_at) }));
  }

  async queuedTasks(): Promise<number> {
    const row = await this.db
      .selectFrom('tasks')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('state', '=', 'queued')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async billedByWorkers(workerIds: readonly string[]): Promise<Record<string, number>> {
    if (workerIds.length === 0) return {};
    const rows = await this.db.selectFrom('sessions').select(['worker_id', 'actual_cost', 'estimated_cost']).where('worker_id', 'in', [...workerIds]).execute();
    const out: Record<string, number> = {};
    for (const r of rows) if (r.worker_id) out[r.worker_id] = (out[r.worker_id] ?? 0) + Number(r.actual_cost ?? r.estimated_cost);
    return out;
  }
}
