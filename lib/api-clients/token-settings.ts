import { env } from '@/lib/env'
import type { TokenSettings } from './commands'

/** The pepper and environment word new tokens are made with, from the environment. */
export function tokenSettings(): TokenSettings {
  const { TOKEN_PEPPER, TOKEN_ENVIRONMENT } = env()
  return { pepper: TOKEN_PEPPER, environment: TOKEN_ENVIRONMENT }
}
