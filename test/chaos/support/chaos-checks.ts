import pg from 'pg';

/** What the database says about a cluster's sessions (read directly, not through the API). */

export interface SessionRow {
  id: string;
  state: string;
  error_code: string | null;
  expires_at: number;
  destroyed_at: number | null;
  worker_id: string | null;
}

/** One short-lived connection per query, so a database restart in between never breaks a check. */
export async function query<T extends pg.QueryResultRow>(databaseUrl: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

export async function sessionRows(databaseUrl: string, ids: string[]): Promise<SessionRow[]> {
  const rows = await query<SessionRow>(databaseUrl, 'SELECT id, state, error_code, expires_at, destroyed_at, worker_id FROM sessions WHERE id = ANY($1)', [ids]);
  return rows.map((r) => ({ ...r, expires_at: Number(r.expires_at), destroyed_at: r.destroyed_at === null ? null : Number(r.destroyed_at) }));
}

/** Every state a session went through, in order, from its stored event log. */
export async function stateHistory(databaseUrl: string, id: string): Promise<string[]> {
  const rows = await query<{ data: string }>(databaseUrl, `SELECT data FROM session_events WHERE session_id = $1 AND type = 'state' ORDER BY seq`, [id]);
  return rows.map((r) => String((JSON.parse(r.data) as { state?: unknown }).state));
}
