/** The port of the OpenID Connect provider that stands in for DfE Sign-in (scripts/oidc-provider.ts). */
export function oidcProviderPort(port: string): string {
  return String(Number(port) + 50)
}

/** The port of the GOV.UK Notify stand-in (scripts/notify-stand-in.ts); E2E_PORT + 2 to + 9 are the instances journeys' own. */
export function notifyStandInPort(port: string): string {
  return String(Number(port) + 51)
}

/** The port of the stand-in for GitHub's secret-scanning key list, which e2e/instances/secret-scanning.spec.ts serves. */
export function secretScanningKeysPort(port: string): string {
  return String(Number(port) + 52)
}

/** The stand-in's made-up service and key: Notify's format, `keyname-serviceid-secret`. */
export const standInNotify = {
  serviceId: '2d0d4c1e-1b9f-4d3e-9a51-6f0c7e3a8b21',
  secret: '9c4f7a2e-5b8d-4e61-a3f0-1d2c3b4a5e6f',
  templates: { expiresSoon: '5e1c9a44-3f6b-4c2d-8e7a-0b9d1f2a3c4e', expired: 'a7b3c5d9-2e4f-4a6b-9c8d-1e2f3a4b5c6d', tokenLeaked: 'c2d4e6f8-1a3b-4c5d-8e9f-0a1b2c3d4e5f' },
}

/** The environment of the servers the journeys run against: fixed, test-only secrets. */
export function e2eEnvironment(port: string): Record<string, string> {
  return {
    NODE_ENV: 'production',
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    NEXTAUTH_SECRET: 'e2e-only-nextauth-secret-0123456789abcdef',
    TOKEN_PEPPER: 'e2e-only-token-pepper-0123456789abcdef',
    CREDENTIALS_SIGN_IN_ENABLED: 'true',
    // Production mode, but these are test tokens: rotp_test_…
    TOKEN_ENVIRONMENT: 'test',
    LOG_LEVEL: 'warn',
    // Tests stand in for the proxy: each sends its own X-Forwarded-For, so no two share an address bucket.
    TRUST_PROXY: 'true',
    // Browsers in the journeys send no X-Forwarded-For, so every journey's sign-in shares one caller bucket.
    SIGN_IN_ATTEMPTS_PER_ADDRESS: '100000',
    // Runs on other ports (and earlier runs on this one) must not share rate-limit counts in Redis.
    REDIS_KEY_PREFIX: `rotp-e2e-${port}`,
    // DfE Sign-in is the test provider on this machine; the same values register its one client.
    DFE_SIGN_IN_ISSUER: `http://127.0.0.1:${oidcProviderPort(port)}`,
    DFE_SIGN_IN_CLIENT_ID: 'register-e2e',
    DFE_SIGN_IN_CLIENT_SECRET: 'e2e-only-dfe-sign-in-client-secret-0123456789',
    // Expiry reminders go to the Notify stand-in on this machine, checked every 2 seconds so a journey sees them.
    NOTIFY_API_KEY: `e2e_stand_in-${standInNotify.serviceId}-${standInNotify.secret}`,
    NOTIFY_BASE_URL: `http://127.0.0.1:${notifyStandInPort(port)}`,
    NOTIFY_TEMPLATE_EXPIRES_SOON: standInNotify.templates.expiresSoon,
    NOTIFY_TEMPLATE_EXPIRED: standInNotify.templates.expired,
    EXPIRY_REMINDERS_INTERVAL_SECONDS: '2',
    NOTIFY_TEMPLATE_TOKEN_LEAKED: standInNotify.templates.tokenLeaked,
    // GitHub's key list is served by the secret-scanning journey itself, with a key pair it makes.
    SECRET_SCANNING_KEYS_URL: `http://127.0.0.1:${secretScanningKeysPort(port)}/meta/public_keys/secret_scanning`,
    // No load balancer watches the journeys' servers: a second of grace after SIGTERM keeps stopping them quick.
    SHUTDOWN_GRACE_SECONDS: '1',
  }
}

/** Where the server script leaves the seeded users' ids for this port's run. */
export function e2eFixturesFile(port: string): string {
  return `.data/e2e-fixtures-${port}.json`
}

/** The port of the second instance that shares the first one's PostgreSQL database (e2e/instances). */
export function secondInstancePort(port: string): string {
  return String(Number(port) + 1)
}

/** This port's run's database on the TEST_DATABASE_URL server. */
export function e2eDatabaseUrl(serverUrl: string, port: string): string {
  const url = new URL(serverUrl)
  url.pathname = `/rotp_e2e_${port}`
  return url.toString()
}
