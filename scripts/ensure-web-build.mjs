// Builds the web UI on first start (web/dist is not committed), so `npm install && npm start`
// serves the page with no extra step. Later starts reuse the build; `npm run build:web` refreshes it.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const dist = new URL('../web/dist/index.html', import.meta.url);
if (!existsSync(dist)) {
  console.error('building the web UI (first start only)…');
  const res = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (res.status !== 0) {
    console.error('web UI build failed; the API still works. Retry with `npm run build:web`.');
  }
}
