export type * from './sandbox-driver.ts';
