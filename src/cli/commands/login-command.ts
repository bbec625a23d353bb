import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import type { paths } from '../../../sdk/js/index.ts';
import { clientOptions, spawnClient, SpawnApiError, unwrap, type ClientOptions } from '../api-client.ts';
import { forgetCredential, saveCredential } from '../credentials.ts';

type DeviceLogin = paths['/auth/device']['post']['responses']['200']['content']['application/json'];

/** The device authorization grant through the server (which holds the client secret); null when unavailable. */
async function deviceLogin(client: ClientOptions): Promise<{ token: string; user: string } | null> {
  let start: DeviceLogin;
  try {
    start = unwrap(await spawnClient(client).POST('/auth/device'));
  } catch (err) {
    if (err instanceof SpawnApiError && (err.code === 'DEVICE_LOGIN_UNSUPPORTED' || err.code === 'SIGN_IN_NOT_CONFIGURED')) return null;
    throw err;
  }
  console.error(`Open ${start.verificationUriComplete ?? start.verificationUri} and confirm the code ${start.userCode}`);
  let interval = start.intervalSeconds;
  const deadline = Date.now() + start.expiresInSeconds * 1000;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, interval * 1000));
    const answer = unwrap(await spawnClient(client).POST('/auth/device/token', { body: { deviceCode: start.deviceCode } }));
    if (answer.status === 'done') return { token: answer.token, user: answer.user.email ?? answer.user.name };
    if (answer.status === 'slow_down') interval += 5; // RFC 8628 §3.5
  }
  throw new Error('the code expired before it was confirmed: run `spawnai login` again');
}

async function askApiKey(): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return (await rl.question('API key (create one in the web UI or with `spawnai token create`): ')).trim();
  } finally {
    rl.close();
  }
}

export function loginCommands(program: Command): void {
  program
    .command('login')
    .description("sign the CLI in (device flow through the server's identity provider, else an API key) and store the credential (mode 0600)")
    .option('--url <url>', 'server URL (env SPAWN_URL, default http://127.0.0.1:7070)')
    .option('--api-key', 'skip the device flow and ask for an API key')
    .action(async (flags: { url?: string; apiKey?: boolean }) => {
      const client = clientOptions({ url: flags.url, token: '' });
      const signedIn = flags.apiKey ? null : await deviceLogin(client);
      const token = signedIn?.token ?? (await askApiKey());
      if (!token) throw new Error('no API key given');
      // Checked before it is stored: a mistyped key fails here, not on the next command.
      const me = unwrap(await spawnClient({ ...client, token }).GET('/api/me'));
      const file = saveCredential(client.url, token, me.user.email ?? me.user.name);
      console.error(`signed in to ${client.url} as ${me.user.email ?? me.user.name}; credential stored in ${file}`);
    });

  program
    .command('logout')
    .description('forget the credential stored by `spawnai login` for this server')
    .option('--url <url>', 'server URL (env SPAWN_URL)')
    .action((flags: { url?: string }) => {
      const { url } = clientOptions({ url: flags.url, token: '' });
      console.error(forgetCredential(url) ? `signed out of ${url}` : `no credential stored for ${url}`);
    });
}
