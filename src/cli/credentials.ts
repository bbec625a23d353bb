import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** One stored credential per server URL (`spawnai login` against several servers keeps them all). */
type CredentialFile = Record<string, { token: string; user?: string; savedAt: string }>;

/** `$XDG_CONFIG_HOME/spawnai/credentials.json`, else `~/.config/spawnai/credentials.json`. */
export function credentialsPath(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.join(os.homedir(), '.config');
  return path.join(base, 'spawnai', 'credentials.json');
}

function read(file: string): CredentialFile {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as CredentialFile;
  } catch {
    return {};
  }
}

export function loadCredential(url: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return read(credentialsPath(env))[url]?.token;
}

/**
 * Written with mode 0600 in a 0700 directory: the token is as good as a password. The mode is set
 * at creation (no window where another user could read it) and again in case the file existed.
 */
export function saveCredential(url: string, token: string, user: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const file = credentialsPath(env);
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const all = read(file);
  all[url] = { token, ...(user ? { user } : {}), savedAt: new Date().toISOString() };
  writeFileSync(file, JSON.stringify(all, null, 2) + '\n', { mode: 0o600 });
  chmodSync(file, 0o600);
  return file;
}

/** False when nothing was stored for the URL. */
export function forgetCredential(url: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const file = credentialsPath(env);
  const all = read(file);
  if (!all[url]) return false;
  delete all[url];
  if (Object.keys(all).length === 0) rmSync(file, { force: true });
  else writeFileSync(file, JSON.stringify(all, null, 2) + '\n', { mode: 0o600 });
  return true;
}
