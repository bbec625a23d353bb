import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { npmSpec } from './requirement-specs.ts';
import { runInstaller, type InstallerResult, type InstallerRun } from './installer-process.ts';
import { SANDBOX_BUILD_DIR, SANDBOX_PROXY_URL } from './installer-sandbox.ts';

export interface InstallRequest {
  requirements: readonly string[];
  /** The layer's build directory (empty, writable by the installer). */
  dir: string;
  index: string;
  timeoutMs: number;
  dropTo: InstallerRun['dropTo'];
  /** Absent: pip and npm run on the host, unconfined (SPAWN_INSTALLER_SANDBOX=none). */
  sandbox: InstallerRun['sandbox'];
}

/** The build directory as the installer sees it, and its proxy flags (inside the sandbox). */
function inside(req: InstallRequest): { dir: string; proxy: string | null } {
  return req.sandbox ? { dir: SANDBOX_BUILD_DIR, proxy: SANDBOX_PROXY_URL } : { dir: req.dir, proxy: null };
}

export interface Installed extends InstallerResult {
  /** Everything installed, `name==version` (pip) or `name@version` (npm), sorted. */
  resolved: string[];
}

/**
 * pip with wheels only (`--only-binary :all:`): no setup.py or build backend runs, so no package
 * code executes at install time; `--isolated` ignores pip.conf and PIP_* variables, so the index
 * given here is the only one it asks. Installs into <dir>/python (the layer's PYTHONPATH).
 */
export async function pipInstall(python: string, req: InstallRequest, targetPythonVersion?: string): Promise<Installed> {
  const target = join(req.dir, 'python');
  const { dir, proxy } = inside(req);
  const command = [python, '-m', 'pip', 'install', '--isolated', '--disable-pip-version-check', '--no-input', '--no-cache-dir', '--progress-bar', 'off'];
  command.push('--only-binary', ':all:', '--index-url', req.index, '--retries', '2', '--target', join(dir, 'python'), '--no-warn-script-location');
  if (proxy) command.push('--proxy', proxy);
  if (targetPythonVersion) command.push('--python-version', targetPythonVersion);
  command.push(...req.requirements);
  const result = await runInstaller({ command, cwd: req.dir, env: { PATH: '/usr/bin:/bin', HOME: dir, LANG: 'C.UTF-8' }, timeoutMs: req.timeoutMs, dropTo: req.dropTo, sandbox: req.sandbox });
  if (!result.ok) return { ...result, resolved: [] };
  const names = await readdir(target).catch(() => [] as string[]);
  const resolved = names
    .filter((n) => n.endsWith('.dist-info'))
    .map((n) => n.slice(0, -'.dist-info'.length).replace(/-([^-]+)$/, '==$1').toLowerCase())
    .sort();
  return { ...result, resolved };
}

/**
 * npm with `--ignore-scripts` (no install scripts, so no package code runs), a user and global
 * configuration of our own (no .npmrc of the host), and the registry given here. Installs into
 * <dir>/node_modules with a package-lock.json naming the resolved set.
 */
export async function npmInstall(req: InstallRequest): Promise<Installed> {
  const dependencies = Object.fromEntries(req.requirements.map((line) => npmSpec(line) as [string, string]));
  await writeFile(join(req.dir, 'package.json'), JSON.stringify({ name: 'spawn-layer', version: '0.0.0', private: true, dependencies }, null, 2));
  // npm refuses one file as both: two empty ones.
  const { dir, proxy } = inside(req);
  await writeFile(join(req.dir, '.npmrc-user'), '');
  await writeFile(join(req.dir, '.npmrc-global'), '');
  const nodeDir = dirname(process.execPath);
  const command = ['npm', 'install', '--ignore-scripts', '--no-audit', '--no-fund', '--no-update-notifier', '--omit=dev', '--no-bin-links'];
  command.push('--registry', req.index, '--userconfig', join(dir, '.npmrc-user'), '--globalconfig', join(dir, '.npmrc-global'));
  command.push('--cache', join(dir, '.npm-cache'), '--loglevel', 'warn');
  if (proxy) command.push('--proxy', proxy, '--https-proxy', proxy, '--noproxy', '');
  const env = { PATH: `${nodeDir}:/usr/bin:/bin`, HOME: dir, LANG: 'C.UTF-8' };
  const result = await runInstaller({ command, cwd: req.dir, env, timeoutMs: req.timeoutMs, dropTo: req.dropTo, sandbox: req.sandbox });
  await rm(join(req.dir, '.npm-cache'), { recursive: true, force: true });
  if (!result.ok) return { ...result, resolved: [] };
  const lock = JSON.parse(await readFile(join(req.dir, 'package-lock.json'), 'utf8')) as { packages?: Record<string, { version?: string }> };
  const resolved = Object.entries(lock.packages ?? {})
    .filter(([path]) => path.startsWith('node_modules/'))
    .map(([path, info]) => `${path.slice('node_modules/'.length)}@${info.version ?? '?'}`)
    .sort();
  return { ...result, resolved };
}
