// Process boundaries enforced by lint, not by memory (DESIGN.md practice 1):
// shared/ imports nothing of ours; renderer/ never imports electron, node:* or electron/;
// electron/backend/ never imports electron.
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'worker_threads', 'crypto', 'http', 'https', 'net', 'stream', 'url', 'util', 'module'];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'scratch/**', 'coverage/**', 'bench-results/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['../electron/**', '../renderer/**', '**/electron/**', '**/renderer/**'], message: 'shared/ imports nothing of ours.' },
          { group: ['electron', 'node:*', ...nodeBuiltins], message: 'shared/ runs in every process: no electron or node built-ins.' },
        ],
      }],
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron', 'electron/*'], message: 'The renderer talks to the contract only.' },
          { group: ['node:*', ...nodeBuiltins], message: 'The renderer runs in a sandboxed browser: no node built-ins.' },
          { group: ['**/electron/**'], message: 'The renderer talks to the contract only, never to the backend.' },
        ],
      }],
    },
  },
  {
    files: ['electron/backend/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron', 'electron/*'], message: 'The backend is plain Node: it runs in the browser host and CLI too.' },
          { group: ['**/renderer/**'], message: 'The backend never knows about the renderer.' },
        ],
      }],
    },
  },
);
