import { defineFileSuite } from './file-suite.ts';

defineFileSuite('process');
