import { describe, expect, it } from 'vitest'
import { applyNextAuthUrlDefault, dfeSignInSettings, EnvError, leakNoticeNotifySettings, notifySettings, parseEnv, serviceAddress } from './env'

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

  it('gives next dev the address it serves at, and production and tests none', () => {
    expect(parseEnv({ NODE_ENV: 'development' }).NEXTAUTH_URL).toBe('http://localhost:3000')
    expect(parseEnv({ NODE_ENV: 'development', PORT: '3601' }).NEXTAUTH_URL).toBe('http://localhost:3601')
    expect(parseEnv({ NODE_ENV: 'development', PORT: 'eighty' }).NEXTAUTH_URL).toBe('http://localhost:3000')
    expect(parseEnv({ NODE_ENV: 'development', NEXTAUTH_URL: 'https://register.example' }).NEXTAUTH_URL).toBe('https://register.example')
    expect(parseEnv({ NODE_ENV: 'test' }).NEXTAUTH_URL).toBeUndefined()
    expect(parseEnv({ NODE_ENV: 'production', NEXTAUTH_SECRET: 'x'.repeat(32), TOKEN_PEPPER: 'y'.repeat(32) }).NEXTAUTH_URL).toBeUndefined()
  })

  it('hands the development address to next-auth, which reads process.env, and never overrides a set one', () => {
    const before = process.env.NEXTAUTH_URL
    try {
      delete process.env.NEXTAUTH_URL
      applyNextAuthUrlDefault(parseEnv({ NODE_ENV: 'development', PORT: '3601' }))
      expect(process.env.NEXTAUTH_URL).toBe('http://localhost:3601')
      applyNextAuthUrlDefault(parseEnv({ NODE_ENV: 'development', PORT: '3000' }))
      expect(process.env.NEXTAUTH_URL).toBe('http://localhost:3601')
      delete process.env.NEXTAUTH_URL
      applyNextAuthUrlDefault(parseEnv({ NODE_ENV: 'test' }))
      expect(process.env.NEXTAUTH_URL).toBeUndefined()
    } finally {
      if (before === undefined) delete process.env.NEXTAUTH_URL
      else process.env.NEXTAUTH_URL = before
    }
  })

  it('takes PUBLIC_URL as an http(s) address without a trailing slash, query or fragment', () => {
    expect(parseEnv({ PUBLIC_URL: 'https://register.example/' }).PUBLIC_URL).toBe('https://register.example')
    expect(parseEnv({ PUBLIC_URL: 'https://gateway.example/register' }).PUBLIC_URL).toBe('https://gateway.example/register')
    expect(parseEnv({}).PUBLIC_URL).toBeUndefined()
    expect(() => parseEnv({ PUBLIC_URL: 'ftp://register.example' })).toThrow('- PUBLIC_URL must be the address the service is served at, like https://register.example')
    expect(() => parseEnv({ PUBLIC_URL: 'https://register.example/?a=1' })).toThrow('- PUBLIC_URL must be the address the service is served at, without a query or fragment')
  })

  it('bounds sign-in attempts per address and database queries by default, and takes other whole numbers', () => {
    expect(parseEnv({ NODE_ENV: 'development' })).toMatchObject({ SIGN_IN_ATTEMPTS_PER_ADDRESS: 100, DATABASE_QUERY_TIMEOUT_MS: 10_000 })
    expect(parseEnv({ NODE_ENV: 'development', SIGN_IN_ATTEMPTS_PER_ADDRESS: '20', DATABASE_QUERY_TIMEOUT_MS: '2500' })).toMatchObject({
      SIGN_IN_ATTEMPTS_PER_ADDRESS: 20,
      DATABASE_QUERY_TIMEOUT_MS: 2500,
    })
    expect(() => parseEnv({ NODE_ENV: 'development', DATABASE_QUERY_TIMEOUT_MS: '0' })).toThrow('- DATABASE_QUERY_TIMEOUT_MS must be at least 1')
  })

  it('keeps idle connections 65 s by default, and refuses 0, which Node would take as never closing them', () => {
    expect(parseEnv({ NODE_ENV: 'production', NEXTAUTH_SECRET: 'x'.repeat(32), TOKEN_PEPPER: 'y'.repeat(32) }).HTTP_KEEP_ALIVE_SECONDS).toBe(65)
    expect(parseEnv({ NODE_ENV: 'development', HTTP_KEEP_ALIVE_SECONDS: '120' }).HTTP_KEEP_ALIVE_SECONDS).toBe(120)
    expect(() => parseEnv({ NODE_ENV: 'development', HTTP_KEEP_ALIVE_SECONDS: '0' })).toThrow('- HTTP_KEEP_ALIVE_SECONDS must be at least 1')
    expect(() => parseEnv({ NODE_ENV: 'development', HTTP_KEEP_ALIVE_SECONDS: '1.5' })).toThrow('- HTTP_KEEP_ALIVE_SECONDS must be a whole number of seconds')
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

describe('DfE Sign-in settings', () => {
  const complete = {
    NODE_ENV: 'production',
    NEXTAUTH_SECRET: 'x'.repeat(32),
    TOKEN_PEPPER: 'y'.repeat(40),
    DFE_SIGN_IN_ISSUER: 'https://oidc.signin.education.gov.uk/',
    DFE_SIGN_IN_CLIENT_ID: 'register',
    DFE_SIGN_IN_CLIENT_SECRET: 'client-secret',
  }

  it('is off when none of the three variables is set', () => {
    expect(dfeSignInSettings(parseEnv({ NODE_ENV: 'development' }))).toBeUndefined()
  })

  it('is on with all three, asking for openid, email and profile by default', () => {
    expect(dfeSignInSettings(parseEnv(complete))).toEqual({
      issuer: 'https://oidc.signin.education.gov.uk',
      clientId: 'register',
      clientSecret: 'client-secret',
      scope: 'openid email profile',
    })
  })

  it('names the missing variables when only some are set', () => {
    const attempt = () => parseEnv({ NODE_ENV: 'development', DFE_SIGN_IN_ISSUER: 'https://oidc.signin.education.gov.uk' })
    expect(attempt).toThrow(EnvError)
    expect(attempt).toThrow(
      '- DFE_SIGN_IN_CLIENT_ID is required when DFE_SIGN_IN_ISSUER is set: DfE Sign-in needs all three\n' +
        '- DFE_SIGN_IN_CLIENT_SECRET is required when DFE_SIGN_IN_ISSUER is set: DfE Sign-in needs all three',
    )
    expect(() => parseEnv({ ...complete, DFE_SIGN_IN_CLIENT_SECRET: '' })).toThrow(
      '- DFE_SIGN_IN_CLIENT_SECRET is required when DFE_SIGN_IN_ISSUER and DFE_SIGN_IN_CLIENT_ID are set',
    )
  })

  it('names a half configuration together with other bad variables', () => {
    const attempt = () => parseEnv({ NODE_ENV: 'production', DFE_SIGN_IN_CLIENT_ID: 'register' })
    expect(attempt).toThrow('- NEXTAUTH_SECRET is required in production')
    expect(attempt).toThrow('- DFE_SIGN_IN_ISSUER is required when DFE_SIGN_IN_CLIENT_ID is set')
  })

  it('accepts plain HTTP only for a provider on this machine', () => {
    expect(dfeSignInSettings(parseEnv({ ...complete, DFE_SIGN_IN_ISSUER: 'http://127.0.0.1:3150' }))?.issuer).toBe('http://127.0.0.1:3150')
    expect(() => parseEnv({ ...complete, DFE_SIGN_IN_ISSUER: 'http://oidc.signin.education.gov.uk' })).toThrow(
      '- DFE_SIGN_IN_ISSUER must be an https:// URL (http:// only for a provider on 127.0.0.1 or localhost)',
    )
    expect(() => parseEnv({ ...complete, DFE_SIGN_IN_ISSUER: 'not a url' })).toThrow('- DFE_SIGN_IN_ISSUER must be the issuer URL')
  })

  it('refuses a scope without openid or email, which matching needs', () => {
    expect(dfeSignInSettings(parseEnv({ ...complete, DFE_SIGN_IN_SCOPE: 'openid email organisation' }))?.scope).toBe('openid email organisation')
    expect(() => parseEnv({ ...complete, DFE_SIGN_IN_SCOPE: 'openid profile' })).toThrow('- DFE_SIGN_IN_SCOPE must include openid and email')
  })
})

describe('GOV.UK Notify settings', () => {
  const serviceId = '26785a09-ab16-4eb0-8407-a37497a57506'
  const secret = '3d844edf-8d35-48ac-975b-e847b4f122b0'
  const complete = {
    NODE_ENV: 'development',
    NOTIFY_API_KEY: `register_reminders-${serviceId}-${secret}`,
    NOTIFY_TEMPLATE_EXPIRES_SOON: 'f33517ff-2a88-4f6e-b855-c550268ce08a',
    NOTIFY_TEMPLATE_EXPIRED: '8e222534-7f05-4972-86e3-17c5d9f894e2',
  }

  it('is off without a key, which is the development default', () => {
    expect(notifySettings(parseEnv({ NODE_ENV: 'development' }))).toBeUndefined()
    expect(parseEnv({ NODE_ENV: 'development' }).EXPIRY_REMINDERS_INTERVAL_SECONDS).toBe(300)
  })

  it('is on with a key and both templates, on real Notify unless a base URL is given', () => {
    expect(notifySettings(parseEnv(complete))).toEqual({
      apiKey: complete.NOTIFY_API_KEY,
      baseUrl: undefined,
      templates: { expiresSoon: complete.NOTIFY_TEMPLATE_EXPIRES_SOON, expired: complete.NOTIFY_TEMPLATE_EXPIRED },
    })
    expect(notifySettings(parseEnv({ ...complete, NOTIFY_BASE_URL: 'http://127.0.0.1:3151/' }))?.baseUrl).toBe('http://127.0.0.1:3151')
  })

  it('refuses a key that is not keyname-serviceid-secret, naming the variable', () => {
    for (const key of [secret, `${serviceId}-${secret}`, `name-${serviceId}-not-a-secret`, `name-${serviceId}${secret}`, `my key-${serviceId}-${secret}`]) {
      expect(() => parseEnv({ ...complete, NOTIFY_API_KEY: key }), key).toThrow(/- NOTIFY_API_KEY must be a GOV\.UK Notify API key/)
    }
  })

  it('needs both templates with a key, and template ids that are UUIDs', () => {
    const { NOTIFY_TEMPLATE_EXPIRED: _expired, ...withoutExpired } = complete
    expect(() => parseEnv(withoutExpired)).toThrow(/- NOTIFY_TEMPLATE_EXPIRED is required when NOTIFY_API_KEY is set/)
    expect(() => parseEnv({ ...complete, NOTIFY_TEMPLATE_EXPIRES_SOON: 'reminder' })).toThrow(/- NOTIFY_TEMPLATE_EXPIRES_SOON must be a Notify template id/)
  })

  it('needs an address to link to in production', () => {
    const production = { ...complete, NODE_ENV: 'production', NEXTAUTH_SECRET: 'x'.repeat(32), TOKEN_PEPPER: 'y'.repeat(32) }
    expect(() => parseEnv(production)).toThrow(/- PUBLIC_URL or NEXTAUTH_URL is required when NOTIFY_API_KEY is set/)
    expect(serviceAddress(parseEnv({ ...production, PUBLIC_URL: 'https://register.example/' }))).toBe('https://register.example')
  })

  it('refuses a base URL that is not http(s)', () => {
    expect(() => parseEnv({ ...complete, NOTIFY_BASE_URL: 'ftp://notify.example' })).toThrow(/- NOTIFY_BASE_URL must be the Notify API address/)
  })
})

describe('secret-scanning settings', () => {
  const github = 'https://api.github.com/meta/public_keys/secret_scanning'

  it('turns the endpoint on with an https keys URL, or http on this machine only', () => {
    expect(parseEnv({ NODE_ENV: 'development' }).SECRET_SCANNING_KEYS_URL).toBeUndefined()
    expect(parseEnv({ NODE_ENV: 'development', SECRET_SCANNING_KEYS_URL: github }).SECRET_SCANNING_KEYS_URL).toBe(github)
    expect(parseEnv({ NODE_ENV: 'development', SECRET_SCANNING_KEYS_URL: 'http://127.0.0.1:3652/keys' }).SECRET_SCANNING_KEYS_URL).toBe(
      'http://127.0.0.1:3652/keys',
    )
    expect(() => parseEnv({ NODE_ENV: 'development', SECRET_SCANNING_KEYS_URL: 'http://api.github.com/meta' })).toThrow(
      '- SECRET_SCANNING_KEYS_URL must be an https:// URL (http:// only for a server on 127.0.0.1 or localhost)',
    )
    expect(() => parseEnv({ NODE_ENV: 'development', SECRET_SCANNING_KEYS_URL: 'github' })).toThrow(/- SECRET_SCANNING_KEYS_URL must be the URL/)
  })

  it('e-mails a leaked token’s creator only with a Notify key and the template, which must be a UUID', () => {
    const key = 'register-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0'
    const templates = { NOTIFY_TEMPLATE_EXPIRES_SOON: 'f33517ff-2a88-4f6e-b855-c550268ce08a', NOTIFY_TEMPLATE_EXPIRED: '8e222534-7f05-4972-86e3-17c5d9f894e2' }
    const template = '3b1f0c2a-9d4e-4f6a-8b7c-1d2e3f4a5b6c'
    expect(leakNoticeNotifySettings(parseEnv({ NODE_ENV: 'development', NOTIFY_TEMPLATE_TOKEN_LEAKED: template }))).toBeUndefined()
    expect(leakNoticeNotifySettings(parseEnv({ NODE_ENV: 'development', NOTIFY_API_KEY: key, ...templates }))).toBeUndefined()
    expect(leakNoticeNotifySettings(parseEnv({ NODE_ENV: 'development', NOTIFY_API_KEY: key, ...templates, NOTIFY_TEMPLATE_TOKEN_LEAKED: template }))).toEqual({
      apiKey: key,
      baseUrl: undefined,
      templateId: template,
    })
    expect(() => parseEnv({ NODE_ENV: 'development', NOTIFY_TEMPLATE_TOKEN_LEAKED: 'leaked' })).toThrow(/- NOTIFY_TEMPLATE_TOKEN_LEAKED must be a Notify template id/)
  })
})
