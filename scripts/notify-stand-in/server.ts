// A stand-in for GOV.UK Notify's API, for the journeys, the database tests and development: the two endpoints
// the service's client uses, with Notify's own checks of the API key's token, and a test door to read what was
// sent and to make the next sends fail. It keeps everything in memory and never sends an e-mail.
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export type StandInMessage = {
  id: string
  reference: string | null
  templateId: string
  emailAddress: string
  personalisation: Record<string, unknown>
  createdAt: string
}

export type NotifyStandIn = {
  url: string
  port: number
  /** What the stand-in has accepted, oldest first. */
  messages: () => StandInMessage[]
  /** The next sends answer these statuses (500, 429, 400…), one each, before sends succeed again. */
  failNext: (statuses: number[]) => void
  /** Forgets messages and queued failures. */
  reset: () => void
  close: () => Promise<void>
}

export type StandInOptions = { serviceId: string; secret: string; port?: number; host?: string }

/** Notify refuses a token whose `iat` is more than 30 seconds away from its own clock. */
const clockSkewSeconds = 30

const errorBody = (status: number, error: string, message: string) => ({ status_code: status, errors: [{ error, message }] })

const failureBodies: Record<number, [string, string]> = {
  400: ['BadRequestError', 'Can’t send to this recipient using a team-only API key'],
  403: ['AuthError', 'Invalid token: API key not found'],
  429: ['RateLimitError', 'Exceeded rate limit for key type LIVE of 3000 requests per 60 seconds'],
  500: ['Exception', 'Internal server error'],
}

const base64url = (text: string) => Buffer.from(text, 'base64url')

/** Notify's check of the bearer token: HS256, signed with the key's secret, `iss` the service id, `iat` fresh. */
export function checkNotifyToken(header: string | undefined, options: { serviceId: string; secret: string; now?: number }): string | undefined {
  const match = /^Bearer ([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(header ?? '')
  if (!match) return 'Unauthorized: authentication token must be provided'
  const [, encodedHeader = '', encodedClaims = '', signature = ''] = match
  let jose: { alg?: unknown; typ?: unknown }
  let claims: { iss?: unknown; iat?: unknown }
  try {
    jose = JSON.parse(base64url(encodedHeader).toString('utf8')) as typeof jose
    claims = JSON.parse(base64url(encodedClaims).toString('utf8')) as typeof claims
  } catch {
    return 'Invalid token: signature, api token not found'
  }
  if (jose.alg !== 'HS256') return 'Invalid token: algorithm used is not HS256'
  if (typeof claims.iss !== 'string') return 'Invalid token: iss field not provided'
  if (claims.iss !== options.serviceId) return 'Invalid token: service not found'
  const expected = createHmac('sha256', options.secret).update(`${encodedHeader}.${encodedClaims}`).digest()
  const given = base64url(signature)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'Invalid token: API key not found'
  if (typeof claims.iat !== 'number') return 'Invalid token: iat field not provided'
  const now = (options.now ?? Date.now()) / 1000
  if (Math.abs(now - claims.iat) > clockSkewSeconds) return 'Error: Your system clock must be accurate to within 30 seconds'
  return undefined
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = ''
    request.setEncoding('utf8')
    request.on('data', (chunk: string) => {
      body += chunk
      if (body.length > 1_000_000) request.destroy(new Error('body too large'))
    })
    request.on('end', () => resolve(body))
    request.on('error', reject)
  })
}

function answer(response: http.ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' })
  response.end(JSON.stringify(body))
}

function notificationOf(message: StandInMessage, url: string) {
  return {
    id: message.id,
    reference: message.reference,
    email_address: message.emailAddress,
    type: 'email',
    status: 'delivered',
    template: { id: message.templateId, version: 1, uri: `${url}/v2/template/${message.templateId}` },
    personalisation: message.personalisation,
    created_at: message.createdAt,
  }
}

/** Starts the stand-in on loopback (port 0: any free port). */
export async function startNotifyStandIn(options: StandInOptions): Promise<NotifyStandIn> {
  const messages: StandInMessage[] = []
  const failures: number[] = []
  let url = ''

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://stand-in').pathname
    // The test door: no key, as it only listens on this machine.
    if (path === '/_test/messages' && request.method === 'GET') return answer(response, 200, { messages })
    if (path === '/_test/messages' && request.method === 'DELETE') {
      messages.length = 0
      failures.length = 0
      return answer(response, 200, { messages })
    }
    if (path === '/_test/failures' && request.method === 'POST') {
      const { statuses } = JSON.parse((await readBody(request)) || '{}') as { statuses?: unknown }
      if (!Array.isArray(statuses) || !statuses.every((status) => Number.isInteger(status))) return answer(response, 400, { error: 'statuses: [500, 429]' })
      failures.push(...(statuses as number[]))
      return answer(response, 200, { failures })
    }
    const refusal = checkNotifyToken(request.headers.authorization, options)
    if (refusal) return answer(response, 403, errorBody(403, 'AuthError', refusal))
    if (path === '/v2/notifications/email' && request.method === 'POST') {
      let body: { template_id?: unknown; email_address?: unknown; personalisation?: unknown; reference?: unknown }
      try {
        body = JSON.parse(await readBody(request)) as typeof body
      } catch {
        return answer(response, 400, errorBody(400, 'BadRequestError', 'Invalid JSON supplied in POST data'))
      }
      const failure = failures.shift()
      if (failure !== undefined) {
        const [error, message] = failureBodies[failure] ?? ['Exception', `Stand-in failure ${failure}`]
        return answer(response, failure, errorBody(failure, error, message))
      }
      if (typeof body.template_id !== 'string' || !uuid.test(body.template_id)) {
        return answer(response, 400, errorBody(400, 'ValidationError', 'template_id is not a valid UUID'))
      }
      if (typeof body.email_address !== 'string' || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(body.email_address)) {
        return answer(response, 400, errorBody(400, 'ValidationError', 'email_address Not a valid email address'))
      }
      const personalisation = typeof body.personalisation === 'object' && body.personalisation !== null ? (body.personalisation as Record<string, unknown>) : {}
      const message: StandInMessage = {
        id: randomUUID(),
        reference: typeof body.reference === 'string' ? body.reference : null,
        templateId: body.template_id,
        emailAddress: body.email_address,
        personalisation,
        createdAt: new Date().toISOString(),
      }
      messages.push(message)
      const text = Object.entries(personalisation)
        .map(([key, value]) => `${key}: ${String(value)}`)
        .join('\n')
      return answer(response, 201, {
        id: message.id,
        reference: message.reference,
        content: { subject: 'Expiry reminder', body: text, from_email: 'register@notifications.service.gov.uk' },
        uri: `${url}/v2/notifications/${message.id}`,
        template: { id: message.templateId, version: 1, uri: `${url}/v2/template/${message.templateId}` },
      })
    }
    const single = /^\/v2\/notifications\/([^/]+)$/.exec(path)
    if (single && request.method === 'GET') {
      const message = messages.find((candidate) => candidate.id === single[1])
      if (!message) return answer(response, 404, errorBody(404, 'NoResultFound', 'No result found'))
      return answer(response, 200, notificationOf(message, url))
    }
    return answer(response, 404, errorBody(404, 'NotFound', 'The requested URL was not found on the server.'))
  }

  const server = http.createServer((request, response) => {
    handle(request, response).catch((error: unknown) => answer(response, 500, errorBody(500, 'Exception', String(error))))
  })
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  url = `http://${options.host ?? '127.0.0.1'}:${port}`
  return {
    url,
    port,
    messages: () => [...messages],
    failNext: (statuses) => void failures.push(...statuses),
    reset: () => {
      messages.length = 0
      failures.length = 0
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  }
}

/** A made-up API key in Notify's format, `keyname-serviceid-secret`, and its parts. */
export function standInApiKey(name: string, serviceId: string, secret: string): string {
  return `${name}-${serviceId}-${secret}`
}
