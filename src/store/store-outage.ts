/** PostgreSQL SQLSTATEs of a server going away: admin/crash shutdown (57P0x), connection exceptions (08xxx). */
const PG_DOWN_STATE = /^(57P0\d|08\w{3})$/;
/** Messages of node-postgres and pg-pool when the server vanished or does not accept connections. */
const PG_DOWN_MESSAGE = /Connection terminated|terminating connection due to|timeout exceeded when trying to connect/i;
const SOCKET_DOWN = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE']);

/**
 * True when `err` (or an error it wraps) says the database itself was unreachable — not the app,
 * the sandbox or a model provider. A socket error counts only when it was aimed at the database's
 * own port, so an app refusing connections is never mistaken for an outage. SQLite never has one.
 */
export function isStoreOutage(err: unknown, databaseUrl: string | undefined): boolean {
  if (!databaseUrl || !/^postgres(ql)?:\/\//.test(databaseUrl)) return false;
  const dbPort = Number(new URL(databaseUrl).port || 5432);
  let e: unknown = err;
  for (let depth = 0; e instanceof Error && depth < 6; depth++, e = e.cause) {
    const { code, port } = e as { code?: unknown; port?: unknown };
    if (typeof code === 'string' && PG_DOWN_STATE.test(code)) return true;
    if (PG_DOWN_MESSAGE.test(e.message)) return true;
    if (typeof code === 'string' && SOCKET_DOWN.has(code) && Number(port) === dbPort) return true;
  }
  return false;
}
