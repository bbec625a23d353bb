import { defineFunctionSuite } from './function-suite.ts';
import { defineWorkflowSuite } from './workflow-suite.ts';

// The process driver always runs (inside bubblewrap when it works here, else as plain processes).
defineFunctionSuite('process');
defineWorkflowSuite('process');
