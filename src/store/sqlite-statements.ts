import type SqliteDatabase from 'better-sqlite3';
import type { SqliteDatabase as KyselySqliteDatabase, SqliteStatement } from 'kysely';

/** Distinct SQL texts kept prepared (`in (?, ?, …)` lists make a few per query shape). */
const MAX_STATEMENTS = 500;

/**
 * The database as Kysely's SqliteDialect sees it, with prepared statements kept by SQL text.
 * Kysely prepares every query anew; under 50 sessions at once that was a tenth of the server's
 * CPU (7,700 prepares for 150 web apps) on the synchronous, event-loop-blocking path. Reusing a
 * statement is safe here: `all()` and `run()` finish before they return (nothing streams with
 * `iterate()`), so no two callers ever hold the same statement mid-step.
 */
export function cachingStatements(database: SqliteDatabase.Database): KyselySqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => {
      statements.clear();
      database.close();
    },
    prepare(sql: string): SqliteStatement {
      const cached = statements.get(sql);
      if (cached) {
        // Most recently used last: Map keeps insertion order, so the first key is the eviction victim.
        statements.delete(sql);
        statements.set(sql, cached);
        return cached;
      }
      const statement = database.prepare(sql);
      statements.set(sql, statement);
      if (statements.size > MAX_STATEMENTS) statements.delete(statements.keys().next().value as string);
      return statement;
    },
  };
}
