import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import type { AppType, CreatedSession } from '../../api-types.ts';
import { clientOptions, spawnClient, streamEvents, unwrap, withClient, type ClientFlags, type ClientOptions } from '../api-client.ts';
import { formatDuration, formatUsd } from '../format.ts';
import { verificationLines, verificationMark } from '../verification-format.ts';

/** Follows a new session with a live bar until it runs (exit 0) or fails (exit 1). */
async function follow(client: ClientOptions, created: CreatedSession): Promise<number> {
  const bar = new cliProgress.SingleBar(
    { format: '  ▸ {states}  [{bar}] {percentage}%', barCompleteChar: '█', barIncompleteChar: '░', barsize: 10, hideCursor: true, clearOnComplete: false, stream: process.stdout },
    cliProgress.Presets.shades_classic,
  );
  const states: string[] = [created.state];
  let progress = 10;
  bar.start(100, progress, { states: states.join(' → ') });
  for await (const e of streamEvents(client, created.id)) {
    if (typeof e.data.progress === 'number') progress = Math.max(progress, e.data.progress);
    if (e.type === 'state' && typeof e.data.state === 'string' && states[states.length - 1] !== e.data.state) states.push(e.data.state);
    bar.update(progress, { states: states.join(' → ') });
    if (e.type === 'state' && (e.data.state === 'running' || e.data.state === 'failed' || e.data.state === 'destroyed')) break;
  }
  bar.stop();
  if (!process.stdout.isTTY) {
    // The live bar only draws on a terminal; logs and pipes get the path taken, once.
    console.log(`  ▸ ${states.join(' → ')}  [${'█'.repeat(Math.round(progress / 10)).padEnd(10, '░')}] ${progress}%`);
  }
  const s = unwrap(await spawnClient(client).GET('/api/sessions/{id}', { params: { path: { id: created.id } } }));
  if (s.state === 'running' && s.appUrl) {
    const left = formatDuration(new Date(s.expiresAt).getTime() - Date.now());
    console.log(`  ✔ ${s.appUrl}   (destroyed in ${left}, est. ${formatUsd(s.estimatedCost)})`);
    if (s.generator === 'offline-template') console.log('    generator: offline-template — set ANTHROPIC_API_KEY or SPAWN_MODELS to have a model write your app');
    for (const line of verificationLines(s.verification)) console.log(line);
    return 0;
  }
  console.error(`  ✖ ${s.state}: ${s.error ? `${s.error.code}: ${s.error.message}` : 'no reason recorded'}`);
  return 1;
}

export function sessionCommands(program: Command): void {
  withClient(program.command('new').description('describe an app; prints its URL when it is running'))
    .argument('<prompt...>', 'what you want, in a sentence')
    .option('-t, --type <appType>', 'webapp | api | script (default: inferred)')
    .option('--ttl <seconds>', 'lifetime in seconds (default 7200)')
    .option('--no-wait', 'print the session id and return at once')
    .action(async (words: string[], flags: ClientFlags & { type?: AppType; ttl?: string; wait: boolean }) => {
      const client = clientOptions(flags);
      const body = {
        prompt: words.join(' '),
        ...(flags.type ? { appType: flags.type } : {}),
        ...(flags.ttl ? { ttlSeconds: Number(flags.ttl) } : {}),
      };
      const created = unwrap(await spawnClient(client).POST('/api/sessions', { body }));
      console.log(`  session ${created.id} (${created.appType}, generator: ${created.generator})`);
      process.exitCode = flags.wait ? await follow(client, created) : 0;
    });

  withClient(program.command('ls').description('list your sessions, newest first')).action(async (flags: ClientFlags) => {
    const { sessions } = unwrap(await spawnClient(clientOptions(flags)).GET('/api/sessions', { params: { query: { limit: '50' } } }));
    for (const s of sessions) {
      const left = s.state === 'running' ? formatDuration(new Date(s.expiresAt).getTime() - Date.now()) : '';
      console.log([s.id, s.state.padEnd(12), s.appType.padEnd(6), left.padEnd(8), s.appUrl ?? '', s.title, verificationMark(s.verification)].join('  ').trimEnd());
    }
  });

  withClient(program.command('logs').description("print a session's events"))
    .argument('<id>')
    .option('-f, --follow', 'keep streaming until the session ends')
    .action(async (id: string, flags: ClientFlags & { follow?: boolean }) => {
      const client = clientOptions(flags);
      const controller = new AbortController();
      for await (const e of streamEvents(client, id, controller.signal)) {
        const text = e.type === 'log' ? String(e.data.message) : e.type === 'file' ? `${String(e.data.status)} ${String(e.data.path)}` : JSON.stringify(e.data);
        console.log(`${e.at}  ${e.type.padEnd(8)} ${text}`);
        if (!flags.follow && e.type === 'state' && ['running', 'failed', 'destroyed'].includes(String(e.data.state))) break;
      }
      controller.abort();
    });

  withClient(program.command('destroy').description('destroy a session now'))
    .argument('<id>')
    .action(async (id: string, flags: ClientFlags) => {
      const s = unwrap(await spawnClient(clientOptions(flags)).DELETE('/api/sessions/{id}', { params: { path: { id } } }));
      console.log(`${s.id} ${s.state}`);
    });

  withClient(program.command('extend').description('extend a session’s lifetime (seconds from now)'))
    .argument('<id>')
    .argument('<ttlSeconds>')
    .action(async (id: string, ttl: string, flags: ClientFlags) => {
      const s = unwrap(await spawnClient(clientOptions(flags)).POST('/api/sessions/{id}/extend', { params: { path: { id } }, body: { ttlSeconds: Number(ttl) } }));
      console.log(`${s.id} now expires at ${s.expiresAt} (in ${formatDuration(new Date(s.expiresAt).getTime() - Date.now())})`);
    });
}
