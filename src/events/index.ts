export type * from './event-bus.ts';
