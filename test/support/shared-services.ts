import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { Redis } from 'ioredis';
import { POSTGRES_URL, REDIS_URL } from './services.ts';

export interface OwnSpace {
  /** A database of its own on the shared PostgreSQL. */
  databaseUrl: string;
  /** A key/channel namespace of its own on the shared Redis (`SPAWN_REDIS_NAMESPACE`). */
  namespace: string;
  /** Drops the database (even with connections left) and deletes the namespace's keys. */
  drop(): Promise<void>;
}

/** A key/channel namespace of its own on the shared Redis, for a suite that needs no database of its own. */
export function ownRedisNamespace(prefix = 'test'): { namespace: string; drop(): Promise<void> } {
  const namespace = `${prefix}-${randomUUID().slice(0, 8)}`;
  return {
    namespace,
    async drop() {
      const redis = new Redis(REDIS_URL);
      const keys = await redis.keys(`*${namespace}*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
    },
  };
}

/** Lets a multi-node suite share the CI's PostgreSQL and Redis without seeing any other suite. */
export async function ownSpace(prefix: string): Promise<OwnSpace> {
  const dbName = `spawnai_${prefix}_${randomUUID().slice(0, 8)}`;
  const redis = ownRedisNamespace();
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${dbName}`;
  return {
    databaseUrl: url.toString(),
    namespace: redis.namespace,
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
      await admin.end();
      await redis.drop();
    },
  };
}
