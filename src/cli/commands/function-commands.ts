import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { Command } from 'commander';
import { TASK_FINAL_STATES, type FunctionRuntime, type TaskView } from '../../api-types.ts';
import type { SpawnClient } from '../../../sdk/js/index.ts';
import { clientOptions, spawnClient, SpawnApiError, unwrap, withClient, type ClientFlags } from '../api-client.ts';

/** The server's longest `wait`; a longer task is then polled. */
const MAX_WAIT_SECONDS = 600;
const POLL_MS = 500;
const RUNTIMES: Record<string, FunctionRuntime> = { '.py': 'python', '.js': 'node', '.mjs': 'node', '.cjs': 'node' };

/** A JSON object from the command line or a file (inputs and input schemas are objects on the wire). */
function readJson(text: string, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (err) {
    throw new SpawnApiError(0, 'INVALID_JSON', `${what} is not valid JSON: ${(err as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new SpawnApiError(0, 'INVALID_JSON', `${what} must be a JSON object, e.g. '{"w": 3}'`);
  return value as Record<string, unknown>;
}

/** Polls a task the server did not finish within its wait. */
async function finished(api: SpawnClient, taskId: string): Promise<TaskView> {
  for (;;) {
    const task = unwrap(await api.GET('/api/tasks/{id}', { params: { path: { id: taskId } } }));
    if ((TASK_FINAL_STATES as readonly string[]).includes(task.state)) return task;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

export function functionCommands(program: Command): void {
  const fn = program.command('fn').description('functions: code + JSON in → JSON out, run in sandboxes');

  withClient(fn.command('add').description('register a function from a file (the same name again adds a version)'))
    .argument('<file>', 'a .py or .js/.mjs file defining the entrypoint')
    .option('-n, --name <name>', 'function name (default: the file name)')
    .option('-r, --runtime <runtime>', 'python | node (default: from the extension)')
    .option('-e, --entrypoint <name>', 'function to call (default main)')
    .option('-s, --schema <file>', 'JSON Schema file the inputs must match')
    .option('--timeout <seconds>', 'time limit per call')
    .action(async (file: string, flags: ClientFlags & { name?: string; runtime?: FunctionRuntime; entrypoint?: string; schema?: string; timeout?: string }) => {
      const runtime = flags.runtime ?? RUNTIMES[extname(file)];
      if (!runtime) throw new SpawnApiError(0, 'INVALID_REQUEST', `cannot tell the runtime of ${file}: pass --runtime python|node`);
      const body = {
        name: flags.name ?? basename(file, extname(file)),
        runtime,
        code: readFileSync(file, 'utf8'),
        ...(flags.entrypoint ? { entrypoint: flags.entrypoint } : {}),
        ...(flags.schema ? { inputSchema: readJson(readFileSync(flags.schema, 'utf8'), flags.schema) } : {}),
        ...(flags.timeout ? { timeoutSeconds: Number(flags.timeout) } : {}),
      };
      const created = unwrap(await spawnClient(clientOptions(flags)).POST('/api/functions', { body }));
      console.log(`  ✔ ${created.id}  ${created.name} v${created.version} (${created.runtime}, entrypoint ${created.entrypoint})`);
    });

  withClient(fn.command('ls').description('list your functions (latest versions)')).action(async (flags: ClientFlags) => {
    const { functions } = unwrap(await spawnClient(clientOptions(flags)).GET('/api/functions'));
    for (const f of functions) console.log([f.id, `v${f.version}`.padEnd(4), f.runtime.padEnd(6), f.name].join('  '));
  });

  withClient(fn.command('run').description('call a function and print its outputs as JSON'))
    .argument('<id>', 'function id (fn_…)')
    .argument('[inputs]', 'inputs as a JSON object', '{}')
    .action(async (id: string, inputs: string, flags: ClientFlags) => {
      const api = spawnClient(clientOptions(flags));
      const body = { inputs: readJson(inputs, 'inputs'), wait: MAX_WAIT_SECONDS };
      const answer = unwrap(await api.POST('/api/functions/{id}/execute', { params: { path: { id } }, body }));
      const task = 'taskId' in answer ? await finished(api, answer.taskId) : answer;
      if (task.stdout) process.stderr.write(task.stdout);
      if (task.stderr) process.stderr.write(task.stderr);
      if (task.state === 'completed') {
        console.log(JSON.stringify(task.outputs, null, 2));
        return;
      }
      console.error(`  ✖ ${task.state}: ${task.error ? `${task.error.code}: ${task.error.message}` : 'no reason recorded'}`);
      process.exitCode = 1;
    });
}
