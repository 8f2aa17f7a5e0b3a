// Lint rules, including the folder boundaries of docs/architecture.md: imports point down only.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

/** What each top-level folder under src/ may import (besides itself and npm packages). */
const allowed = {
  core: [],
  contract: ['core'],
  ingest: ['core', 'contract'],
  storage: ['core'],
  charts: ['core'],
  demo: ['core'],
  reports: ['core', 'charts'],
  app: ['core', 'contract', 'ingest', 'storage', 'charts', 'reports', 'demo'],
  server: ['core', 'app', 'contract', 'charts', 'reports'],
  cli: ['core', 'app', 'contract', 'ingest', 'server', 'storage', 'reports'],
}
const folders = Object.keys(allowed)

const boundaries = folders.map((folder) => ({
  files: [`src/${folder}/**/*.{ts,tsx}`],
  ignores: ['**/*.test.ts', '**/*.test.tsx'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: folders
          .filter((other) => other !== folder && !allowed[folder].includes(other))
          .map((other) => ({
            group: [`**/${other}/**`, `../${other}`, `../../${other}`],
            message: `src/${folder}/ may not import src/${other}/ (see docs/architecture.md).`,
          })),
      },
    ],
  },
}))

const coreNoNode = {
  files: ['src/core/**/*.ts'],
  ignores: ['**/*.test.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...folders.filter((f) => f !== 'core').map((other) => ({
            group: [`**/${other}/**`, `../${other}`, `../../${other}`],
            message: `src/core/ is pure and may not import src/${other}/.`,
          })),
          { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'http'], message: 'src/core/ is pure: no Node modules.' },
        ],
      },
    ],
    'no-restricted-globals': ['error', 'process', 'window', 'document'],
    'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'core/ takes time as an argument.' }, { object: 'Math', property: 'random', message: 'core/ uses seeded randomness only.' }],
  },
}

export default tseslint.config(
  { ignores: ['node_modules', '.lhs', 'coverage', 'dist', 'docs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  ...boundaries.filter((b) => !b.files[0].startsWith('src/core/')),
  coreNoNode,
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    files: ['src/server/assets/**/*.js'],
    languageOptions: { globals: { document: 'readonly' } },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'test/**', 'bench/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
)
