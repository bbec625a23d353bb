export type * from './store.ts';
export { COST_KINDS } from './store.ts';
export { ORG_OWNED_KINDS } from './team-store.ts';
export { createStore } from './create-store.ts';
export { isStoreOutage } from './store-outage.ts';
export { backupDatabase, restoreDatabase, BackupError, backupKind, type BackupKind, type BackupTarget } from './backup/index.ts';
