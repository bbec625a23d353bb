import boundaries from 'eslint-plugin-boundaries';

/**
 * Module boundaries, enforced by eslint-plugin-boundaries (docs/architecture.md has the map):
 * another module is entered only through its `index.ts`, and a module imports only modules of
 * its own layer or of lower ones. Layers, low to high:
 */
const LAYERS = [
  ['errors', 'log', 'config', 'api-schemas', 'redis', 'telemetry'],
  ['store', 'queue', 'events', 'artifacts', 'cache'],
  ['teams'],
  ['runtime', 'verify', 'billing', 'alerts'],
  ['sandboxes'],
  ['generator'],
  ['functions'],
  ['orchestrator'],
  ['fleet'],
  ['auth'],
  ['proxy'],
  ['server'],
  ['cli'],
];
const MODULES = LAYERS.flat();
const above = (module) => LAYERS.slice(LAYERS.findIndex((layer) => layer.includes(module)) + 1).flat();

export default [
  {
    files: ['src/**/*.ts', 'web/src/**/*.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': [...MODULES.map((module) => ({ type: module, pattern: `src/${module}` })), { type: 'web', pattern: 'web/src' }],
      // The API's types, derived from api-schemas: shared by the server, the CLI and the web UI.
      'boundaries/files': [{ category: 'api-types', pattern: 'src/api-types.ts' }],
    },
    rules: {
      'boundaries/dependencies': [
        2,
        {
          default: 'allow',
          policies: [
            { disallow: { to: { element: { type: MODULES.filter((m) => m !== 'api-schemas'), fileInternalPath: '!index.ts' } } }, message: 'enter another module only through its index.ts' },
            // enums.ts is api-schemas' zod-free face, so the web UI's bundle needs no zod.
            { disallow: { to: { element: { type: 'api-schemas', fileInternalPath: '!{index,enums}.ts' } } }, message: 'enter api-schemas only through index.ts (or enums.ts for zod-free values)' },
            { from: { file: { categories: 'api-types' } }, disallow: { to: { element: { type: LAYERS.slice(1).flat() } } }, message: 'src/api-types.ts is shared with the web UI: it may import only the lowest layer (api-schemas, errors)' },
            ...MODULES.filter((module) => above(module).length > 0).map((module) => ({
              from: { element: { type: module } },
              disallow: { to: { element: { type: above(module) } } },
              message: `${module} must not import a module of a higher layer (see eslint.boundaries.js)`,
            })),
            { from: { element: { type: 'web' } }, disallow: { to: { element: { type: MODULES } } }, message: 'the web UI talks to the HTTP API only: import types from src/api-types.ts' },
          ],
        },
      ],
    },
  },
];
