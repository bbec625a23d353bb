import { randomUUID } from 'node:crypto';
import type { NewSession, Store } from '../../../src/store/index.ts';
import type { StoreHarness } from './store-harness.ts';

/** What every part of the shared suite gets: the suite's store and its database. */
export interface SuiteContext {
  readonly store: Store;
  readonly harness: StoreHarness;
  /** A new, empty, unmigrated database of the same dialect; the caller tears it down. */
  createHarness(): Promise<StoreHarness>;
}

export function newSession(overrides: Partial<NewSession> = {}): NewSession {
  const createdAt = new Date(Math.floor(Date.now() / 1000) * 1000);
  return {
    id: `test-${randomUUID()}`,
    ownerId: `owner-${randomUUID()}`,
    prompt: 'a pomodoro timer with a task list',
    title: 'Pomodoro',
    appType: 'webapp',
    appTypeSource: 'inferred',
    state: 'requested',
    generator: 'template',
    model: null,
    tier: 'small',
    ttlSeconds: 7200,
    createdAt,
    expiresAt: new Date(createdAt.getTime() + 7_200_000),
    estimatedCost: 0.0125,
    ...overrides,
  };
}
