/** The port of the OpenID Connect provider that stands in for DfE Sign-in (scripts/oidc-provider.ts). */
export function oidcProviderPort(port: string): string {
  return String(Number(port) + 50)
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
