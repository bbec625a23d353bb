import type { Store, StoreOptions } from '../../../src/store/index.ts';

/** One freshly created, empty database (a temp SQLite file or a PostgreSQL schema). */
export interface StoreHarness {
  /** Options that open this database; children processes get them too. */
  readonly options: StoreOptions;
  /** Opens one more store on the database: each call behaves like another process. */
  open(): Promise<Store>;
  /** Closes every store opened here and removes the database. Safe to call twice. */
  teardown(): Promise<void>;
}

export interface StoreTarget {
  readonly name: 'sqlite' | 'postgres';
  /** Whether the database server is reachable (SQLite always is). */
  readonly available: boolean;
  createHarness(): Promise<StoreHarness>;
}
