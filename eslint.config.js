// @ts-check
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules.filter((m) => !m.startsWith('_')), ...builtinModules.map((m) => `node:${m}`)];
const restrict = (message, paths, patterns = []) => [
  'error',
  {
    paths: paths.map((name) => ({ name, message })),
    patterns: patterns.map((group) => ({ group: [group], message })),
  },
];

/**
 * The layering rules (docs/architecture.md, Layers), enforced here and by tests/architecture/layering.test.ts.
 */
export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      '.tsbuild/**',
      'test-results/**',
      'playwright-report/**',
      'release/**',
      'out/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        'shared/ is pure TypeScript: no Node, DOM-only, Electron, React, database or other-folder imports.',
        [...nodeBuiltins, 'electron', 'react', 'react-dom', 'better-sqlite3-multiple-ciphers', 'pg', 'fastify'],
        ['**/electron/**', '**/renderer/**', '**/server/**', '**/tests/**', '@mantine/*', '@tiptap/react'],
      ),
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/web-host/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        'electron/core runs in plain Node: it never imports electron, the renderer or main.',
        ['electron', 'electron-store'],
        ['**/renderer/**', '**/electron/main/**', '**/electron/preload/**', '**/server/**'],
      ),
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': restrict(
        'The renderer has no Node and no network: all I/O goes through window.heard.',
        [...nodeBuiltins, 'electron', 'better-sqlite3-multiple-ciphers', 'pg', 'fastify'],
        ['**/electron/**', '**/server/**'],
      ),
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        'server/ imports shared/ and Node only.',
        ['electron'],
        ['**/electron/**', '**/renderer/**'],
      ),
    },
  },
);
