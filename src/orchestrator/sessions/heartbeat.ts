/** How often a worker running a session's pipeline says it is alive. */
export const HEARTBEAT_MS = 5_000; // 5 s
/** A worker that has not beaten for this long is presumed dead (3 missed beats). */
export const HEARTBEAT_STALE_MS = 15_000; // 15 s
