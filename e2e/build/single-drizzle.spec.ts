import { expect, test } from '@playwright/test'
import { drizzleCopiesInBuild, drizzleCopyCount } from '../../scripts/bundle-copies'

// The build the journeys run (next.config.ts: `.next`, or `.next-<E2E_PORT>` for another port).
const port = process.env.E2E_PORT ?? '3100'
const distDir = port === '3100' ? '.next' : `.next-${port}`

// Two copies of drizzle-orm in one server (a connection from one, tables from the other) send every drizzle
// `is()` check down its slow path (issue 16). next.config.ts loads it from node_modules, once.
test('the production server holds one copy of drizzle-orm', () => {
  const copies = drizzleCopiesInBuild(distDir)
  expect(copies.bundled, 'bundled copies of drizzle-orm').toEqual([])
  expect(drizzleCopyCount(copies), JSON.stringify(copies)).toBe(1)
})
