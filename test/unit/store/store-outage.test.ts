import { describe, expect, it } from 'vitest';
import { SpawnError } from '../../../src/errors/index.ts';
import { isStoreOutage } from '../../../src/store/index.ts';

const PG = 'postgres://postgres@127.0.0.1:5433/spawnai';

function socketError(code: string, port: number): Error {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:${port}`), { code, port, address: '127.0.0.1', syscall: 'connect' });
}

describe('isStoreOutage', () => {
  it('recognises PostgreSQL going away, also when wrapped as a deploy failure', () => {
    expect(isStoreOutage(socketError('ECONNREFUSED', 5433), PG)).toBe(true);
    expect(isStoreOutage(new SpawnError('DEPLOY_FAILED', 'x', { cause: socketError('ECONNREFUSED', 5433) }), PG)).toBe(true);
    expect(isStoreOutage(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }), PG)).toBe(true);
    expect(isStoreOutage(new Error('Connection terminated unexpectedly'), PG)).toBe(true);
  });

  it('does not blame the database for an app, a provider or an embedded store', () => {
    expect(isStoreOutage(socketError('ECONNREFUSED', 41234), PG)).toBe(false);
    expect(isStoreOutage(new SpawnError('APP_START_FAILED', 'port not answering'), PG)).toBe(false);
    expect(isStoreOutage(socketError('ECONNREFUSED', 5433), undefined)).toBe(false);
    expect(isStoreOutage(new Error('Connection terminated unexpectedly'), 'file.db')).toBe(false);
  });
});
