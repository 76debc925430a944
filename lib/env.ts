import { z } from 'zod'

const booleanFlag = (defaultValue: boolean) =>
  z
    .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
    .optional()
    .transform((value) => (value === undefined ? defaultValue : value === 'true' || value === '1'))

// A flag whose default depends on other settings, so unset stays undefined.
const optionalFlag = z
  .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
  .optional()
  .transform((value) => (value === undefined ? undefined : value === 'true' || value === '1'))

// Development-only defaults so that `npm run dev` works with nothing configured. Production refuses them.
const developmentSecret = 'development-only-secret-do-not-use-in-production'

const secret = (name: string, isProduction: boolean) =>
  z
    .string()
    .optional()
    .transform((value, context) => {
      if (value !== undefined && value.length >= 32) return value
      if (value === undefined && !isProduction) return `${developmentSecret}:${name}`
      context.addIssue({
        code: 'custom',
        message: value === undefined ? 'is required in production (at least 32 random characters)' : 'must be at least 32 characters',
      })
      return z.NEVER
    })

const positiveInteger = (defaultValue: number) =>
  z.coerce
    .number({ error: 'must be a whole number' })
    .int({ error: 'must be a whole number' })
    .min(1, { error: 'must be at least 1' })
    .default(defaultValue)

/** HTTP_KEEP_ALIVE_SECONDS when unset: above the 60 s idle timeout common to load balancers (docs/deployment.md). */
export const defaultKeepAliveSeconds = 65

const wholeSeconds = (defaultValue: number) =>
  z.coerce
    .number({ error: 'must be a whole number of seconds' })
    .int({ error: 'must be a whole number of seconds' })
    .min(0, { error: 'must be 0 or more' })
    .max(600, { error: 'must be at most 600' })
    .default(defaultValue)

// How many proxies in front of the app append to X-Forwarded-For: 0 (`false`) means the header is not
// trusted at all, because without a proxy a caller can write any address into it.
const proxyHops = z
  .string()
  .regex(/^(true|false|[0-9])$/, { error: 'must be true, false or a number of proxies from 0 to 9' })
  .optional()
  .transform((value) => (value === undefined || value === 'false' ? 0 : value === 'true' ? 1 : Number(value)))

// DfE Sign-in is always served over HTTPS; plain HTTP is for a local test provider on this machine only.
const loopbackHosts = ['127.0.0.1', 'localhost', '[::1]']
const issuerUrl = z.url({ error: 'must be the issuer URL, like https://oidc.signin.education.gov.uk' }).refine(
  (value) => {
    // An unparsable value has already been reported by z.url().
    if (!URL.canParse(value)) return true
    const url = new URL(value)
    return url.protocol === 'https:' || (url.protocol === 'http:' && loopbackHosts.includes(url.hostname))
  },
  { error: 'must be an https:// URL (http:// only for a provider on 127.0.0.1 or localhost)' },
)

// GitHub publishes its secret-scanning keys over HTTPS; plain HTTP is for a stand-in on this machine (the journeys').
const keysUrl = z.url({ error: 'must be the URL of the published keys, like https://api.github.com/meta/public_keys/secret_scanning' }).refine(
  (value) => {
    if (!URL.canParse(value)) return true
    const url = new URL(value)
    return url.protocol === 'https:' || (url.protocol === 'http:' && loopbackHosts.includes(url.hostname))
  },
  { error: 'must be an https:// URL (http:// only for a server on 127.0.0.1 or localhost)' },
)

// The address clients reach the service at, for absolute links such as the OpenAPI document's server URL.
const publicUrl = z
  .url({ protocol: /^https?$/, error: 'must be the address the service is served at, like https://register.example' })
  .refine((value) => !URL.canParse(value) || (new URL(value).search === '' && new URL(value).hash === ''), {
    error: 'must be the address the service is served at, without a query or fragment',
  })
  .transform((value) => value.replace(/\/+$/, ''))

// A GOV.UK Notify API key is `keyname-serviceid-secret`: the service id and the secret are UUIDs, and the
// official client takes them from the key's last 73 characters, so a wrong shape fails every send.
const uuidPattern = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'
const notifyApiKey = z.string().regex(new RegExp(`^\\S+-${uuidPattern}-${uuidPattern}$`, 'i'), {
  error: 'must be a GOV.UK Notify API key: its name, the service id and the secret, like my_key-<service id>-<secret>',
})
const templateId = z.string().regex(new RegExp(`^${uuidPattern}$`, 'i'), { error: 'must be a Notify template id (a UUID)' })
const notifyBaseUrl = z
  .url({ protocol: /^https?$/, error: 'must be the Notify API address, like https://api.notifications.service.gov.uk' })
  .transform((value) => value.replace(/\/+$/, ''))

const notifyTemplateVariables = ['NOTIFY_TEMPLATE_EXPIRES_SOON', 'NOTIFY_TEMPLATE_EXPIRED'] as const

/** With a Notify key, reminders are on: they need both templates and an address to link to. */
function notifyProblems(source: Record<string, string | undefined>): string[] {
  if (source.NOTIFY_API_KEY === undefined) return []
  return [
    ...notifyTemplateVariables
      .filter((name) => source[name] === undefined)
      .map((name) => `- ${name} is required when NOTIFY_API_KEY is set: expiry reminders need both templates`),
    ...(source.PUBLIC_URL === undefined && source.NEXTAUTH_URL === undefined && source.NODE_ENV === 'production'
      ? ['- PUBLIC_URL or NEXTAUTH_URL is required when NOTIFY_API_KEY is set: expiry reminders link to the client\'s page']
      : []),
  ]
}

const dfeSignInVariables = ['DFE_SIGN_IN_ISSUER', 'DFE_SIGN_IN_CLIENT_ID', 'DFE_SIGN_IN_CLIENT_SECRET'] as const

/**
 * DfE Sign-in is on when it is configured, so half a configuration is a mistake rather than "off".
 * Checked beside the schema so that the message names these along with every other bad variable.
 */
function dfeSignInProblems(source: Record<string, string | undefined>): string[] {
  const given = dfeSignInVariables.filter((name) => source[name] !== undefined)
  if (given.length === 0 || given.length === dfeSignInVariables.length) return []
  const verb = given.length === 1 ? 'is' : 'are'
  return dfeSignInVariables
    .filter((name) => !given.includes(name))
    .map((name) => `- ${name} is required when ${given.join(' and ')} ${verb} set: DfE Sign-in needs all three`)
}

const schemaFor = (isProduction: boolean) =>
  z.object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' }).optional(),
    DATABASE_DIRECT_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' }).optional(),
    DATABASE_POOLED: optionalFlag,
    PGLITE_DIR: z.string().min(1).default('.data/pglite'),
    DATABASE_QUERY_TIMEOUT_MS: positiveInteger(10_000),
    NEXTAUTH_SECRET: secret('NEXTAUTH_SECRET', isProduction),
    NEXTAUTH_URL: z.url({ error: 'must be the full URL the service is served at, like https://example.education.gov.uk' }).optional(),
    PUBLIC_URL: publicUrl.optional(),
    TOKEN_PEPPER: secret('TOKEN_PEPPER', isProduction),
    TOKEN_ENVIRONMENT: z.enum(['live', 'test'], { error: 'must be live or test' }).default(isProduction ? 'live' : 'test'),
    API_ENABLED: booleanFlag(true),
    API_USAGE_COUNTING: booleanFlag(true),
    CREDENTIALS_SIGN_IN_ENABLED: booleanFlag(!isProduction),
    REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' }).optional(),
    REDIS_KEY_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9_.:-]{1,64}$/, { error: 'must be 1 to 64 letters, digits or _.:-' })
      .default('rotp'),
    RATE_LIMIT_PER_CLIENT: positiveInteger(300),
    RATE_LIMIT_PER_IP: positiveInteger(100),
    SIGN_IN_ATTEMPTS_PER_ADDRESS: positiveInteger(100),
    TRUST_PROXY: proxyHops,
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent'], { error: 'must be debug, info, warn, error or silent' }).default('info'),
    DFE_SIGN_IN_ISSUER: issuerUrl.optional(),
    DFE_SIGN_IN_CLIENT_ID: z.string().optional(),
    DFE_SIGN_IN_CLIENT_SECRET: z.string().optional(),
    // The email address is how a person is first matched, so the scope must ask for it.
    DFE_SIGN_IN_SCOPE: z
      .string()
      .refine((value) => value.split(/\s+/).includes('openid') && value.split(/\s+/).includes('email'), {
        error: 'must include openid and email, like "openid email profile"',
      })
      .default('openid email profile'),
    NOTIFY_API_KEY: notifyApiKey.optional(),
    NOTIFY_BASE_URL: notifyBaseUrl.optional(),
    NOTIFY_TEMPLATE_EXPIRES_SOON: templateId.optional(),
    NOTIFY_TEMPLATE_EXPIRED: templateId.optional(),
    EXPIRY_REMINDERS_INTERVAL_SECONDS: positiveInteger(300),
    // Unset: POST /api/secret-scanning is not there (404). The e-mail to a leaked token's creator needs NOTIFY_API_KEY too.
    SECRET_SCANNING_KEYS_URL: keysUrl.optional(),
    NOTIFY_TEMPLATE_TOKEN_LEAKED: templateId.optional(),
    // Without it /metrics does not exist; with it, only this bearer token may read it.
    METRICS_TOKEN: z.string().min(32, { error: 'must be at least 32 characters' }).optional(),
    // After SIGTERM, how long the instance still takes new connections while its load balancer's health
    // check sees /api/health/ready fail (docs/deployment.md). Ctrl+C under `next dev` need not wait.
    SHUTDOWN_GRACE_SECONDS: wholeSeconds(isProduction ? 5 : 0),
    // Then how long requests in flight may take to finish before their connections are cut.
    SHUTDOWN_TIMEOUT_SECONDS: wholeSeconds(25),
    // How long an instance keeps an idle keep-alive connection open: longer than its proxy keeps its own,
    // so the proxy, not the instance, closes it (docs/deployment.md).
    HTTP_KEEP_ALIVE_SECONDS: z.coerce
      .number({ error: 'must be a whole number of seconds' })
      .int({ error: 'must be a whole number of seconds' })
      .min(1, { error: 'must be at least 1' })
      .max(600, { error: 'must be at most 600' })
      .default(defaultKeepAliveSeconds),
    // bench/api.ts only: serves /api/bench/limit, the register API's floor (bench/README.md). Off, it is a 404.
    BENCH_LIMIT_ROUTE: booleanFlag(false),
  })

export type Env = z.infer<ReturnType<typeof schemaFor>>

/** Thrown when the environment is incomplete or wrong; its message names every bad variable. */
export class EnvError extends Error {
  override name = 'EnvError'
}

/** Parses environment variables, naming each missing or bad one in a single error. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const isProduction = source.NODE_ENV === 'production'
  // Empty strings count as unset: `FOO=` in a .env file means "not configured".
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''))
  const result = schemaFor(isProduction).safeParse(cleaned)
  const lines = [
    ...(result.success ? [] : result.error.issues.map((issue) => `- ${issue.path.join('.')} ${issue.message}`)),
    ...dfeSignInProblems(cleaned),
    ...notifyProblems(cleaned),
  ]
  if (result.success && lines.length === 0) return withDevelopmentAddress(result.data, cleaned.PORT)
  throw new EnvError(`The service cannot start because some environment variables are missing or wrong:\n${lines.join('\n')}`)
}

/**
 * `next dev` needs no settings, so it gets the address it serves at (`next dev` sets PORT) when NEXTAUTH_URL
 * is unset. Production and tests keep it unset unless configured: a guessed address there would be wrong.
 */
function withDevelopmentAddress(values: Env, port: string | undefined): Env {
  if (values.NEXTAUTH_URL !== undefined || values.NODE_ENV !== 'development') return values
  return { ...values, NEXTAUTH_URL: `http://localhost:${port !== undefined && /^[0-9]{1,5}$/.test(port) ? port : '3000'}` }
}

/**
 * next-auth reads process.env.NEXTAUTH_URL itself and warns on every start when it is missing; this gives it
 * the development default above. Called once when the server starts.
 */
export function applyNextAuthUrlDefault(values: Env = env()): void {
  if (process.env.NEXTAUTH_URL === undefined && values.NEXTAUTH_URL !== undefined) process.env.NEXTAUTH_URL = values.NEXTAUTH_URL
}

let cached: Env | undefined

/** The validated environment of this process, parsed once. */
export function env(): Env {
  cached ??= parseEnv(process.env)
  return cached
}

export type DfeSignInSettings = { issuer: string; clientId: string; clientSecret: string; scope: string }

/** DfE Sign-in's settings when it is configured (all three variables set), else undefined: it is then off. */
export function dfeSignInSettings(values: Env = env()): DfeSignInSettings | undefined {
  const { DFE_SIGN_IN_ISSUER: issuer, DFE_SIGN_IN_CLIENT_ID: clientId, DFE_SIGN_IN_CLIENT_SECRET: clientSecret } = values
  if (issuer === undefined || clientId === undefined || clientSecret === undefined) return undefined
  return { issuer: issuer.replace(/\/+$/, ''), clientId, clientSecret, scope: values.DFE_SIGN_IN_SCOPE }
}

export type NotifySettings = { apiKey: string; baseUrl?: string; templates: { expiresSoon: string; expired: string } }

/** GOV.UK Notify's settings when a key is set, else undefined: reminders are then logged, never sent. */
export function notifySettings(values: Env = env()): NotifySettings | undefined {
  const { NOTIFY_API_KEY: apiKey, NOTIFY_TEMPLATE_EXPIRES_SOON: expiresSoon, NOTIFY_TEMPLATE_EXPIRED: expired } = values
  if (apiKey === undefined || expiresSoon === undefined || expired === undefined) return undefined
  return { apiKey, baseUrl: values.NOTIFY_BASE_URL, templates: { expiresSoon, expired } }
}

/** The address reminders link to: PUBLIC_URL, else NEXTAUTH_URL, else this machine's development address. */
export function serviceAddress(values: Env = env()): string {
  return (values.PUBLIC_URL ?? values.NEXTAUTH_URL ?? 'http://localhost:3000').replace(/\/+$/, '')
}

/** The Notify key, address and template for e-mailing a leaked token's creator, else undefined: nothing is sent, and the log says so. */
export function leakNoticeNotifySettings(values: Env = env()): { apiKey: string; baseUrl?: string; templateId: string } | undefined {
  const { NOTIFY_API_KEY: apiKey, NOTIFY_TEMPLATE_TOKEN_LEAKED: templateId } = values
  if (apiKey === undefined || templateId === undefined) return undefined
  return { apiKey, baseUrl: values.NOTIFY_BASE_URL, templateId }
}
