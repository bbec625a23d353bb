export type * from './generator.ts';
