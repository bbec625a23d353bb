/**
 * Child process for process-frozen.test.ts: starts a process driver (bubblewrap), runs an api app
 * in one sandbox, pauses it (cgroup freezer), prints the data directory and the sandbox id as one
 * JSON line, then waits: for a SIGKILL, or a SIGTERM on which it closes the driver and exits.
 */
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { createProcessDriver } from '../../../src/runtime/index.ts';
import type { ProcessDriver } from '../../../src/runtime/process/process-driver.ts';
import { testSpec } from './driver-suite.ts';
import { waitForHttp } from './sandbox-probes.ts';

const APP = `require('node:http').createServer((q, r) => r.end('ok')).listen(Number(process.env.PORT));`;

const dataDir = mkdtempSync(join(tmpdir(), 'spawnai-frozen-child-'));
chmodSync(dataDir, 0o755);
const driver = createProcessDriver({ dataDir, logger: pino({ level: 'silent' }), useBwrap: true }) as ProcessDriver;
const sandbox = await driver.create(testSpec());
await driver.writeFiles(sandbox, [{ path: 'server.js', content: APP }]);
const endpoint = await driver.startServer(sandbox, { command: ['node', 'server.js'] });
await waitForHttp(endpoint);
await driver.pause(sandbox);
process.once('SIGTERM', () => void driver.close().then(() => process.exit(0)));
console.log(JSON.stringify({ dataDir, sandboxId: sandbox.id }));
setInterval(() => undefined, 60_000);
