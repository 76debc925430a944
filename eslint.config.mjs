import nextVitals from 'eslint-config-next/core-web-vitals'
import nextTs from 'eslint-config-next/typescript'
import tseslint from 'typescript-eslint'

const config = [
  ...nextVitals,
  ...nextTs,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error', 'info'] }],
    },
  },
  {
    // app/ (and the components it renders) reach data only through the server-only facades in lib/<domain>/load.ts,
    // and so never hold the database (docs/decisions/0017). Tests of routes may still set up what they need.
    files: ['app/**/*.ts', 'app/**/*.tsx', 'components/**/*.ts', 'components/**/*.tsx'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['@/db', '@/db/index'].map((name) => ({
            name,
            importNames: ['getDb', 'getConnection', 'withProcessDb'],
            message: 'Reach data through lib/<domain>/load.ts (docs/decisions/0017).',
          })),
          patterns: [
            { group: ['@/db/client', '@/db/migrate', '@/db/seed', '@/db/seed/*'], message: 'Reach data through lib/<domain>/load.ts (docs/decisions/0017).' },
            { group: ['drizzle-orm', 'drizzle-orm/*', 'postgres', '@electric-sql/*'], message: 'Queries belong in lib/ (docs/decisions/0017).' },
          ],
        },
      ],
    },
  },
  {
    ignores: ['.next/**', '.next-*/**', 'node_modules/**', 'public/assets/**', 'db/migrations/**', '.data/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'],
  },
]

export default config
