import { defineConfig, devices, type PlaywrightTestConfig } from '@playwright/test'
import { notifyStandInPort, oidcProviderPort, secondInstancePort } from './e2e/support/environment'

const port = Number(process.env.E2E_PORT ?? 3100)
export const baseURL = `http://127.0.0.1:${port}`

// Several app instances need a database server: PGlite serves one process. So the instances project
// exists only with TEST_DATABASE_URL (as in CI), and its shared-limit test only with TEST_REDIS_URL too.
const withInstances = Boolean(process.env.TEST_DATABASE_URL)
const browser = { ...devices['Desktop Chrome'], channel: undefined }

type WebServer = Extract<PlaywrightTestConfig['webServer'], unknown[]>[number]

const server = (args: string, serverPort: number): WebServer => ({
  command: `npx tsx scripts/e2e-server.ts${args}`,
  url: `http://127.0.0.1:${serverPort}/api/health`,
  timeout: 240_000,
  reuseExistingServer: !process.env.CI,
  stdout: 'pipe',
  stderr: 'pipe',
  env: { E2E_PORT: String(port) },
})

// The OpenID Connect provider that stands in for DfE Sign-in; the app finds it on first use, so its order does not matter.
const oidcProvider: WebServer = {
  command: 'npx tsx scripts/oidc-provider.ts',
  url: `http://127.0.0.1:${oidcProviderPort(String(port))}/.well-known/openid-configuration`,
  timeout: 60_000,
  reuseExistingServer: !process.env.CI,
  stdout: 'pipe',
  stderr: 'pipe',
  env: { E2E_PORT: String(port) },
}

// The GOV.UK Notify stand-in that expiry reminders go to; it records them for the journeys to read.
const notifyStandIn: WebServer = {
  command: 'npx tsx scripts/notify-stand-in.ts',
  url: `http://127.0.0.1:${notifyStandInPort(String(port))}/_test/messages`,
  timeout: 60_000,
  reuseExistingServer: !process.env.CI,
  stdout: 'pipe',
  stderr: 'pipe',
  env: { E2E_PORT: String(port) },
}

/**
 * Journeys run against a production build (`next build`, then `next start` via scripts/e2e-server.ts)
 * in Debian's Chromium, on a fresh database: PostgreSQL when TEST_DATABASE_URL is set, else PGlite.
 */
export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // Chromium must not try to reach Google's services from this machine's closed network.
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  projects: [
    { name: 'chromium', testIgnore: ['**/instances/**', '**/cluster/**'], use: browser },
    ...(withInstances
      ? [
          {
            name: 'instances',
            testDir: './e2e/instances',
            testIgnore: process.env.TEST_REDIS_URL ? [] : ['**/shared-rate-limits.spec.ts'],
            use: browser,
          },
          // HAProxy, three instances, PgBouncer and Redis: the production shape (e2e/cluster/harness.ts).
          { name: 'cluster', testDir: './e2e/cluster', use: browser },
        ]
      : []),
  ],
  // Started in order: the second instance opens the database the first one has just created and seeded.
  webServer: [oidcProvider, notifyStandIn, server('', port), ...(withInstances ? [server(' --second-instance', Number(secondInstancePort(String(port))))] : [])],
})
