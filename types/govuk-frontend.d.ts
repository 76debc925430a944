// govuk-frontend ships no TypeScript declarations; we only call initAll().
declare module 'govuk-frontend' {
  export function initAll(config?: Record<string, unknown>): void
}
