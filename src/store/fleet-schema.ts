/** Tables of the elastic fleet (migration 010). Same conventions: epoch ms, JSON as text. */
export interface FleetHostsTable {
  id: string;
  provider_id: string | null;
  name: string;
  region: string;
  size: string;
  state: string;
  worker_id: string | null;
  hourly_usd: number;
  /** JSON text of the last capacity the worker advertised */
  capacity: string | null;
  created_at: number;
  joined_at: number | null;
  heartbeat_at: number | null;
  drain_started_at: number | null;
  destroyed_at: number | null;
  reason: string | null;
}

export interface FleetJoinTokensTable {
  token_hash: string;
  host_id: string;
  expires_at: number;
  used_at: number | null;
}

export interface FleetDecisionsTable {
  id: string;
  at: number;
  region: string;
  leader: string;
  /** JSON text */
  inputs: string;
  desired: number;
  action: string;
}

export interface FleetTables {
  fleet_hosts: FleetHostsTable;
  fleet_join_tokens: FleetJoinTokensTable;
  fleet_decisions: FleetDecisionsTable;
}
