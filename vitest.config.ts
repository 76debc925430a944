import { defineConfig } from 'vitest/config'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('.', import.meta.url))
const alias = {
  '@': root,
  // 'server-only' throws outside a React Server Components bundle; tests import server modules directly.
  'server-only': fileURLToPath(new URL('./test/server-only-stub.ts', import.meta.url)),
}
const databaseTests = ['db/**/*.db.test.ts', 'lib/**/*.db.test.ts']

/** Database tests run on PGlite always, and again on a PostgreSQL server when TEST_DATABASE_URL is set. */
const databaseProjects = [
  {
    resolve: { alias },
    test: { name: 'db:pglite', include: databaseTests, env: { TEST_DATABASE_KIND: 'pglite' }, testTimeout: 30_000, hookTimeout: 60_000 },
  },
  ...(process.env.TEST_DATABASE_URL
    ? [
        {
          resolve: { alias },
          test: { name: 'db:postgres', include: databaseTests, env: { TEST_DATABASE_KIND: 'postgres' }, testTimeout: 30_000, hookTimeout: 60_000 },
        },
      ]
    : []),
]

export default defineConfig({
  resolve: { alias },
  esbuild: { jsx: 'automatic' },
  test: {
    projects: [
      {
        resolve: { alias },
        esbuild: { jsx: 'automatic' },
        test: { name: 'unit', include: ['**/*.test.ts', '**/*.test.tsx'], exclude: [...databaseTests, 'node_modules/**', 'e2e/**', '.next/**'] },
      },
      ...databaseProjects,
    ],
  },
})
