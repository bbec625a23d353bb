#!/usr/bin/env node
// Copies the curated packages and their runtime dependency closure from the project's
// node_modules into DEST, keeping npm's layout (nested node_modules stay nested), so the image
// ships exactly the versions the project was tested with and no registry is needed.
// Usage: node collect-packages.mjs PROJECT_ROOT PACKAGES_JSON DEST_NODE_MODULES
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

const [root, listFile, dest] = process.argv.slice(2);
if (!root || !listFile || !dest) {
  console.error('usage: collect-packages.mjs PROJECT_ROOT PACKAGES_JSON DEST_NODE_MODULES');
  process.exit(2);
}
const list = JSON.parse(readFileSync(listFile, 'utf8'));
const omit = new Set(list.omit ?? []);
const topModules = join(root, 'node_modules');

/** Node's lookup: the nearest node_modules/<name> walking up from the requiring package. */
function resolveFrom(fromDir, name) {
  let dir = fromDir;
  for (;;) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === root || dirname(dir) === dir) return undefined;
    dir = dirname(dir);
  }
}

const seen = new Set();
const queue = Object.keys(list.packages).map((name) => ({ from: root, name, optional: false }));
while (queue.length > 0) {
  const { from, name, optional } = queue.shift();
  if (omit.has(name)) continue;
  const dir = resolveFrom(from, name);
  if (!dir) {
    if (optional) continue;
    console.error(`collect-packages: ${name} (needed by ${relative(root, from) || 'packages.json'}) is not installed`);
    process.exit(1);
  }
  if (seen.has(dir)) continue;
  seen.add(dir);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  for (const dep of Object.keys(pkg.dependencies ?? {})) queue.push({ from: dir, name: dep, optional: false });
  for (const dep of Object.keys(pkg.optionalDependencies ?? {})) queue.push({ from: dir, name: dep, optional: true });
}

// Native build leftovers (object files, static libs, C sources) are large and unused at run time.
const buildLeftover = (path) => /[/\\]build[/\\]Release[/\\](obj|obj\.target|\.deps)([/\\]|$)/.test(path) || path.endsWith('.a');
for (const dir of [...seen].sort()) {
  const target = join(dest, relative(topModules, dir));
  const native = existsSync(join(dir, 'binding.gyp'));
  const nativeSource = (src) => native && ['deps', 'src'].includes(relative(dir, src).split(sep)[0]);
  const skip = (src) => buildLeftover(src) || nativeSource(src);
  mkdirSync(dirname(target), { recursive: true });
  cpSync(dir, target, {
    recursive: true,
    dereference: true,
    // Nested node_modules are copied only when the closure needs them (visited separately).
    filter: (src) => !skip(src) && !(src !== dir && relative(dir, src).split(sep).includes('node_modules')),
  });
}
console.log(`collect-packages: ${seen.size} packages copied to ${dest}`);
