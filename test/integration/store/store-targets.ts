import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createStore, type Store, type StoreOptions } from '../../../src/store/index.ts';
import { POSTGRES_URL, requireService } from '../../support/services.ts';
import type { StoreHarness, StoreTarget } from './store-harness.ts';

/** The two databases every store suite runs on: a temp SQLite file and a PostgreSQL schema. */
function harness(options: StoreOptions, removeDatabase: () => Promise<void>): StoreHarness {
  const opened: Store[] = [];
  let removed = false;
  return {
    options,
    async open() {
      const store = await createStore(options);
      opened.push(store);
      return store;
    },
    async teardown() {
      await Promise.allSettled(opened.map((s) => s.close()));
      if (removed) return;
      removed = true;
      await removeDatabase();
    },
  };
}

export const sqlite: StoreTarget = {
  name: 'sqlite',
  available: true,
  async createHarness() {
    const dir = mkdtempSync(join(tmpdir(), 'spawnai-store-test-'));
    return harness({ sqliteFile: join(dir, 'nested', 'store.db') }, async () => rmSync(dir, { recursive: true, force: true }));
  },
};

export const postgres: StoreTarget = {
  name: 'postgres',
  available: requireService('postgres'),
  async createHarness() {
    // A schema per harness keeps parallel runs apart; DROP … CASCADE removes every row and table.
    const schema = `test_${randomBytes(6).toString('hex')}`;
    return harness({ databaseUrl: POSTGRES_URL, pgSchema: schema }, async () => {
      const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 10_000 });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await client.end();
      }
    });
  },
};

export const STORE_TARGETS = [sqlite, postgres];
