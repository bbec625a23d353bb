/**
 * Child process for process-pool.test.ts: starts a process driver with a warm pool of one, asks
 * for a server sandbox once (the first ask of a shape fills its pool), prints the data directory
 * and the idle pool sandbox ids as one JSON line, then waits to be SIGKILLed.
 */
import { chmodSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { createProcessDriver } from '../../../src/runtime/index.ts';
import type { ProcessDriver } from '../../../src/runtime/process/process-driver.ts';
import { testSpec } from './driver-suite.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'spawnai-pool-child-'));
chmodSync(dataDir, 0o755);
const driver = createProcessDriver({ dataDir, logger: pino({ level: 'silent' }), useBwrap: true, pool: { size: 1, max: 1 } }) as ProcessDriver;
await driver.create(testSpec());
await driver.poolIdle();
const root = join(dataDir, 'sandboxes');
const pool = readdirSync(root).filter((id) => (JSON.parse(readFileSync(join(root, id, 'sandbox.json'), 'utf8')) as { sessionId: string }).sessionId === '');
console.log(JSON.stringify({ dataDir, pool }));
setInterval(() => undefined, 60_000);
