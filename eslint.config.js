// Layering is enforced here, VS Code style: each folder may import only the layers inside it.
// core ← backend ← (cli, main, preload, bridge); renderer talks to the backend only through the API contract.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const PLATFORM = ['electron', 'react', 'react-dom', 'react-dom/*', 'three', 'three/*', '@react-three/*', 'better-sqlite3', 'ollama', 'ollama/*', 'ws', 'zustand', 'zustand/*'];
const NODE_BUILTINS = ['node:*'];
// bare Node built-in names, matched exactly (a gitignore-style pattern would also catch '../random/stream')
const NODE_NAMES = ['fs', 'fs/promises', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'worker_threads', 'stream', 'util', 'zlib', 'buffer', 'process'];

const restrict = (patterns, message, exactNames = []) => ({
  'no-restricted-imports': ['error', { paths: exactNames.map((name) => ({ name, message })), patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'coverage/**', '.bench-data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    files: ['src/core/**'],
    rules: restrict(
      [...PLATFORM, ...NODE_BUILTINS, '**/backend/**', '**/main/**', '**/preload/**', '**/cli/**', '**/renderer/**'],
      'src/core is pure: no platform modules (electron, react, three, better-sqlite3, ollama, node:*) and no outer layers.',
      NODE_NAMES,
    ),
  },
  {
    files: ['src/backend/**'],
    rules: restrict(
      ['electron', 'react', 'react-dom', 'three', 'three/*', '@react-three/*', 'zustand', '**/main/**', '**/preload/**', '**/cli/**', '**/renderer/**'],
      'src/backend may import only src/core and Node modules (adapters and UI point inward, not the other way).',
    ),
  },
  {
    files: ['src/cli/**'],
    rules: restrict(['electron', 'react', 'three', '**/main/**', '**/preload/**', '**/renderer/**'], 'src/cli is an adapter over src/backend.'),
  },
  {
    files: ['src/main/**'],
    rules: restrict(['react', 'three', '**/cli/**', '**/renderer/**', '**/preload/**'], 'src/main is an adapter over src/backend.'),
  },
  {
    files: ['src/preload/**'],
    rules: restrict(
      ['better-sqlite3', 'ollama', 'node:*', 'fs', 'path', '**/cli/**', '**/renderer/**', '**/main/**', '**/backend/store/**', '**/backend/services/**', '**/backend/api/handlers/**', '**/backend/api/dispatch*'],
      'The preload exposes only the API contract over IPC.',
    ),
  },
  {
    files: ['src/renderer/**'],
    rules: restrict(
      ['electron', 'better-sqlite3', 'ollama', 'ws', ...NODE_BUILTINS, '**/main/**', '**/preload/**', '**/cli/**', '**/backend/store/**', '**/backend/services/**', '**/backend/api/handlers/**', '**/backend/api/dispatch*', '**/backend/bridge/**', '**/backend/llm/**', '**/backend/workers/**'],
      'The renderer talks to the backend only through the API client (src/renderer/src/api) and the contract types.',
      NODE_NAMES,
    ),
  },
  {
    files: ['bin/**', 'scripts/**', 'tests/e2e/**'],
    languageOptions: {
      globals: {
        process: 'readonly', console: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', URL: 'readonly', Buffer: 'readonly', fetch: 'readonly',
        // page.evaluate() bodies run in the browser
        window: 'readonly', document: 'readonly', performance: 'readonly', requestAnimationFrame: 'readonly',
      },
    },
  },
);
