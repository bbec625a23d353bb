// Run as a separate process by event-tests.ts: opens the store from STORE_OPTIONS, migrates
// (concurrently with its sibling), appends COUNT events to SESSION_ID, prints their seqs as JSON.
import { createStore, type StoreOptions } from '../../../src/store/index.ts';

const options = JSON.parse(process.env.STORE_OPTIONS ?? '{}') as StoreOptions;
const sessionId = process.env.SESSION_ID ?? '';
const count = Number(process.env.COUNT ?? '0');

const store = await createStore(options);
try {
  await store.migrate();
  const seqs: number[] = [];
  for (let i = 0; i < count; i++) seqs.push((await store.events.append(sessionId, 'log', { pid: process.pid, i })).seq);
  process.stdout.write(JSON.stringify(seqs));
} finally {
  await store.close();
}
