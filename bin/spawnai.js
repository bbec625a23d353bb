#!/usr/bin/env node
// Entry point of the `spawnai` command. Sources are TypeScript run through tsx's loader, so a
// checkout works with `npx spawnai …` and no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
