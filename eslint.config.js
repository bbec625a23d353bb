import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import moduleBoundaries from './eslint.boundaries.js';

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'web/dist', '.spawnai', 'coverage', 'src/generator/templates/files/**', 'images/**/rootfs', 'test-artifacts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  { files: ['web/src/**'], languageOptions: { globals: { ...globals.browser } } },
  ...moduleBoundaries,
);
