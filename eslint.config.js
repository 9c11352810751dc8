// ESLint for the extension, the playground and the browser tests (`make lint`).
import js from '@eslint/js';
import globals from 'globals';

export default [
  { ignores: ['extension/pkg/**', 'extension/reader/reader.bundle.js', 'extension/reader/features.bundle.js', 'extension/src/inject.bundle.js', 'www/pkg/**', 'target/**', 'node_modules/**', 'out/**', 'bench/results/**'] },
  js.configs.recommended,
  {
    files: ['extension/**/*.js', 'www/**/*.js'],
    languageOptions: {
      ecmaVersion: 2024,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.webextensions },
    },
    rules: {
      'no-unused-vars': ['error', { args: 'none', caughtErrors: 'none' }],
      // Page-controlled names must be checked as own properties (see overlay.js).
      'no-prototype-builtins': 'error',
    },
  },
  {
    // Injected as files into the page's isolated world: classic scripts, no imports.
    files: ['extension/src/capture.js', 'extension/src/overlay.js', 'extension/src/check.js'],
    languageOptions: { sourceType: 'script' },
  },
  {
    files: ['extension/reader/worker.js'],
    languageOptions: { globals: { ...globals.worker } },
  },
  {
    files: ['tests/**/*.mjs', 'bench/**/*.mjs', 'eslint.config.js'],
    languageOptions: {
      ecmaVersion: 2024,
      sourceType: 'module',
      globals: { ...globals.node, ...globals.browser, chrome: 'readonly' },
    },
    rules: { 'no-unused-vars': ['error', { args: 'none', caughtErrors: 'none' }] },
  },
];
