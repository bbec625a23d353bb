import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { npmSpec } from './requirement-specs.ts';
import { runInstaller, type InstallerResult, type InstallerRun } from './installer-process.ts';

export interface InstallRequest {
  requirements: readonly string[];
  /** The layer's build directory (empty, writable by the installer). */
  dir: string;
  index: string;
  timeoutMs: number;
  dropTo: InstallerRun['dropTo'];
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
  const command = [python, '-m', 'pip', 'install', '--isolated', '--disable-pip-version-check', '--no-input', '--no-cache-dir', '--progress-bar', 'off'];
  command.push('--only-binary', ':all:', '--index-url', req.index, '--retries', '2', '--target', target, '--no-warn-script-location');
  if (targetPythonVersion) command.push('--python-version', targetPythonVersion);
  command.push(...req.requirements);
  const result = await runInstaller({ command, cwd: req.dir, env: { PATH: '/usr/bin:/bin', HOME: req.dir, LANG: 'C.UTF-8' }, timeoutMs: req.timeoutMs, dropTo: req.dropTo });
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
  const userrc = join(req.dir, '.npmrc-user');
  const globalrc = join(req.dir, '.npmrc-global');
  await writeFile(userrc, '');
  await writeFile(globalrc, '');
  const nodeDir = dirname(process.execPath);
  const command = ['npm', 'install', '--ignore-scripts', '--no-audit', '--no-fund', '--no-update-notifier', '--omit=dev', '--no-bin-links'];
  command.push('--registry', req.index, '--userconfig', userrc, '--globalconfig', globalrc, '--cache', join(req.dir, '.npm-cache'), '--loglevel', 'warn');
  const env = { PATH: `${nodeDir}:/usr/bin:/bin`, HOME: req.dir, LANG: 'C.UTF-8' };
  const result = await runInstaller({ command, cwd: req.dir, env, timeoutMs: req.timeoutMs, dropTo: req.dropTo });
  await rm(join(req.dir, '.npm-cache'), { recursive: true, force: true });
  if (!result.ok) return { ...result, resolved: [] };
  const lock = JSON.parse(await readFile(join(req.dir, 'package-lock.json'), 'utf8')) as { packages?: Record<string, { version?: string }> };
  const resolved = Object.entries(lock.packages ?? {})
    .filter(([path]) => path.startsWith('node_modules/'))
    .map(([path, info]) => `${path.slice('node_modules/'.length)}@${info.version ?? '?'}`)
    .sort();
  return { ...result, resolved };
}
