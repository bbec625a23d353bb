export type * from './store.ts';
export { COST_KINDS } from './store.ts';
export { createStore } from './create-store.ts';
export { isStoreOutage } from './store-outage.ts';
