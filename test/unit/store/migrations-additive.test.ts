import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type Dialect,
} from 'kysely';
import { describe, expect, it } from 'vitest';
import type { StoreDialect } from '../../../src/store/codec.ts';
import { CodeMigrationProvider } from '../../../src/store/migrations/migration-provider.ts';

/** Compiles without a database: every statement a migration's up() runs is recorded as SQL. */
function recordingDb(dialect: StoreDialect, statements: string[]): Kysely<unknown> {
  const d: Dialect =
    dialect === 'postgres'
      ? { createAdapter: () => new PostgresAdapter(), createDriver: () => new DummyDriver(), createIntrospector: (db) => new PostgresIntrospector(db), createQueryCompiler: () => new PostgresQueryCompiler() }
      : { createAdapter: () => new SqliteAdapter(), createDriver: () => new DummyDriver(), createIntrospector: (db) => new SqliteIntrospector(db), createQueryCompiler: () => new SqliteQueryCompiler() };
  return new Kysely({ dialect: d, log: (event) => void statements.push(event.query.sql) });
}

/**
 * What would break a node still running the previous version on the migrated schema (see the
 * README's rolling-upgrade note): removing or renaming what it reads, changing a column's type,
 * a NOT NULL column it cannot fill, a uniqueness rule its inserts never had to respect.
 */
function breakingStatements(statements: string[]): string[] {
  const created = new Set<string>();
  const found: string[] = [];
  for (const raw of statements) {
    const s = raw.toLowerCase().replace(/\s+/g, ' ');
    const table = /^create table (?:if not exists )?"?([\w.]+)"?/.exec(s)?.[1];
    if (table) created.add(table);
    const onTable = /^create unique index .* on "?([\w.]+)"?/.exec(s)?.[1];
    if (
      /^drop (table|view)\b/.test(s) ||
      /\bdrop column\b/.test(s) ||
      /\brename (to|column)\b/.test(s) ||
      /\balter column\b.*\b(type|set not null)\b/.test(s) ||
      (/\badd column\b.*\bnot null\b/.test(s) && !/\bdefault\b/.test(s)) ||
      (onTable !== undefined && !created.has(onTable))
    ) {
      found.push(raw);
    }
  }
  return found;
}

describe('every migration is additive', () => {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    it(`up() of each migration only adds (${dialect})`, async () => {
      const migrations = await new CodeMigrationProvider(dialect).getMigrations();
      expect(Object.keys(migrations).length).toBeGreaterThan(0);
      for (const [name, migration] of Object.entries(migrations)) {
        const statements: string[] = [];
        await migration.up(recordingDb(dialect, statements));
        expect(statements.length, `${name} runs statements`).toBeGreaterThan(0);
        expect(breakingStatements(statements), `${name} must not break a node on the previous version`).toEqual([]);
      }
    });
  }

  it('the check catches what is not additive', () => {
    expect(
      breakingStatements([
        'drop table "sessions"',
        'alter table "sessions" drop column "title"',
        'alter table "sessions" rename column "title" to "name"',
        'alter table "sessions" rename to "apps"',
        'alter table "sessions" alter column "progress" type text',
        'alter table "sessions" alter column "model" set not null',
        'alter table "sessions" add column "owner" text not null',
        'create unique index "one_title" on "sessions" ("title")',
      ]),
    ).toHaveLength(8);
    expect(
      breakingStatements([
        'create table "notes" ("id" text primary key, "body" text not null)',
        'create unique index "notes_body" on "notes" ("body")',
        'alter table "sessions" add column "flag" integer default 0 not null',
        'alter table "sessions" add column "note" text',
        'create index "sessions_note" on "sessions" ("note")',
      ]),
    ).toEqual([]);
  });
});
