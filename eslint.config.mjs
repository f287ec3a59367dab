// Layering rules from CONVENTIONS.md are enforced here with no-restricted-imports.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = [
  'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util',
  'stream', 'worker_threads', 'events', 'zlib', 'buffer', 'tls', 'dns', 'readline',
];
const nodePatterns = [{ group: ['node:*'], message: 'No Node built-ins here (layering).' }];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'bench/results/**', 'scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', ...nodeBuiltins].map((name) => ({ name, message: 'src/shared is pure TypeScript.' })),
          patterns: [...nodePatterns, { group: ['**/main/**', '**/renderer/**', '**/preload/**'], message: 'shared imports nothing app-specific.' }],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', ...nodeBuiltins].map((name) => ({ name, message: 'The renderer is sandboxed: no Electron, no Node.' })),
          patterns: [...nodePatterns, { group: ['**/main/**', '**/preload/**'], message: 'The renderer talks to main only through the API client.' }],
        },
      ],
    },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/index.ts', 'src/main/window.ts', 'src/main/ipc/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Services are plain Node; only index.ts, window.ts and ipc/ import electron.' }],
          patterns: [{ group: ['**/renderer/**'], message: 'main never imports the renderer.' }],
        },
      ],
    },
  },
);
