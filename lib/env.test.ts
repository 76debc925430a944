import { describe, expect, it } from 'vitest'
import { EnvError, parseEnv } from './env'

describe('parseEnv', () => {
  it('gives development defaults so the app runs with nothing configured', () => {
    const env = parseEnv({ NODE_ENV: 'development' })
    expect(env.DATABASE_URL).toBeUndefined()
    expect(env.PGLITE_DIR).toBe('.data/pglite')
    expect(env.API_ENABLED).toBe(true)
    expect(env.CREDENTIALS_SIGN_IN_ENABLED).toBe(true)
    expect(env.TOKEN_ENVIRONMENT).toBe('test')
    expect(env.NEXTAUTH_SECRET.length).toBeGreaterThanOrEqual(32)
  })

  it('refuses production without secrets, naming each variable', () => {
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(EnvError)
    const attempt = () => parseEnv({ NODE_ENV: 'production', DATABASE_URL: 'mysql://x', API_ENABLED: 'maybe' })
    expect(attempt).toThrow('- NEXTAUTH_SECRET is required in production')
    expect(attempt).toThrow('- TOKEN_PEPPER is required in production')
    expect(attempt).toThrow('- DATABASE_URL must be a postgres:// or postgresql:// URL')
    expect(attempt).toThrow('- API_ENABLED must be true or false')
  })

  it('accepts a complete production environment and turns off password sign-in by default', () => {
    const env = parseEnv({
      NODE_ENV: 'production',
      NEXTAUTH_SECRET: 'x'.repeat(32),
      TOKEN_PEPPER: 'y'.repeat(40),
      DATABASE_URL: 'postgres://user@db.internal:5432/register',
      API_ENABLED: 'false',
    })
    expect(env.TOKEN_ENVIRONMENT).toBe('live')
    expect(env.CREDENTIALS_SIGN_IN_ENABLED).toBe(false)
    expect(env.API_ENABLED).toBe(false)
  })

  it('refuses short secrets even outside production', () => {
    expect(() => parseEnv({ NODE_ENV: 'development', TOKEN_PEPPER: 'short' })).toThrow(/TOKEN_PEPPER must be at least 32 characters/)
  })

  it('treats empty values as unset', () => {
    expect(parseEnv({ NODE_ENV: 'development', DATABASE_URL: '' }).DATABASE_URL).toBeUndefined()
  })
})
