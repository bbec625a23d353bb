import { describe, expect, it } from 'vitest';
import { createStore } from '../../../src/store/index.ts';
import { patchToRow } from '../../../src/store/session-row.ts';

describe('createStore', () => {
  it.each(['postgres://u@127.0.0.1:1/db', 'postgresql://u@127.0.0.1:1/db'])('picks PostgreSQL for %s without connecting', async (databaseUrl) => {
    const store = await createStore({ databaseUrl, sqliteFile: ':memory:' });
    expect(store.dialect).toBe('postgres');
    await store.close();
  });

  it('falls back to SQLite for other URLs and when none is set; works in memory once migrated', async () => {
    for (const databaseUrl of [undefined, 'mysql://x']) {
      const store = await createStore({ ...(databaseUrl ? { databaseUrl } : {}), sqliteFile: ':memory:' });
      expect(store.dialect).toBe('sqlite');
      await store.migrate();
      expect(await store.tokens.count()).toBe(0);
      await store.close();
    }
  });

  it('does not migrate by itself', async () => {
    const store = await createStore({ sqliteFile: ':memory:' });
    await expect(store.tokens.count()).rejects.toThrow(/no such table/);
    await store.close();
  });

  it('rejects a pgSchema that could inject into the connection options', async () => {
    await expect(createStore({ databaseUrl: 'postgres://u@127.0.0.1:1/db', pgSchema: 'x -c role=admin' })).rejects.toThrow(/invalid pgSchema/);
  });
});

describe('patchToRow', () => {
  it('maps only present keys, keeps explicit nulls and turns Dates into epoch ms', () => {
    const at = new Date(1_700_000_000_000);
    expect(patchToRow({ model: null, heartbeatAt: at, progress: 5 })).toEqual({ model: null, heartbeat_at: at.getTime(), progress: 5 });
    expect(patchToRow({ runningAt: null })).toEqual({ running_at: null });
    expect(patchToRow({})).toEqual({});
  });
});
