/** The environment of the server the journeys run against: fixed, test-only secrets. */
export function e2eEnvironment(port: string): Record<string, string> {
  return {
    NODE_ENV: 'production',
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    NEXTAUTH_SECRET: 'e2e-only-nextauth-secret-0123456789abcdef',
    TOKEN_PEPPER: 'e2e-only-token-pepper-0123456789abcdef',
    CREDENTIALS_SIGN_IN_ENABLED: 'true',
    LOG_LEVEL: 'warn',
  }
}

/** Where the server script leaves the seeded users' ids for this port's run. */
export function e2eFixturesFile(port: string): string {
  return `.data/e2e-fixtures-${port}.json`
}
