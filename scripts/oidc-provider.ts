// A real OpenID Connect provider (panva's oidc-provider) standing in for DfE Sign-in in the journeys, on
// loopback at E2E_PORT + 50. It registers one client, the journeys' app, with PKCE required and
// client_secret_basic, as DfE Sign-in would. Its sign-in page asks only for an email address (and,
// optionally, the `sub` to use): there is no password, and it asks every time, so a journey always knows
// who it is signing in as. The `sub` is derived from the email address unless given, never the address.
// ID tokens carry only `sub`, as with node-oidc-provider's defaults: the email address comes from userinfo.
import { generateKeyPairSync } from 'node:crypto'
import http from 'node:http'
import Provider, { interactionPolicy, type KoaContextWithOIDC } from 'oidc-provider'
import { e2eEnvironment, oidcProviderPort } from '../e2e/support/environment'
import { testSubjectFor } from '../e2e/support/oidc-subject'

const appPort = process.env.E2E_PORT ?? '3100'
const port = Number(oidcProviderPort(appPort))
const environment = e2eEnvironment(appPort)
const issuer = environment.DFE_SIGN_IN_ISSUER ?? `http://127.0.0.1:${port}`

// Who has signed in, by sub, for the claims userinfo returns. Kept in memory: the provider lives for one run.
const emailsBySub = new Map<string, string>()

// Ask for an email address on every authorisation request, even with a provider session from an earlier
// journey step, so that signing in as someone else in the same browser never silently reuses the last person.
const policy = interactionPolicy.base()
policy
  .get('login')
  ?.checks.add(
    new interactionPolicy.Check('every_time', 'the test provider asks who is signing in every time', (ctx) =>
      ctx.oidc.result?.login ? interactionPolicy.Check.NO_NEED_TO_PROMPT : interactionPolicy.Check.REQUEST_PROMPT,
    ),
  )

const signingKey = {
  ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }),
  kid: 'e2e',
  use: 'sig',
  alg: 'RS256',
}

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: environment.DFE_SIGN_IN_CLIENT_ID ?? '',
      client_secret: environment.DFE_SIGN_IN_CLIENT_SECRET,
      redirect_uris: [`${environment.NEXTAUTH_URL}/api/auth/callback/dfe-sign-in`],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  pkce: { methods: ['S256'], required: () => true },
  jwks: { keys: [signingKey] },
  cookies: { keys: ['e2e-only-oidc-provider-cookie-key-0123456789'] },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['given_name', 'family_name'] },
  features: { devInteractions: { enabled: false } },
  // Short lives, set explicitly so the provider does not warn about its defaults on every sign-in.
  ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}`, policy },
  async findAccount(_ctx, sub) {
    const email = emailsBySub.get(sub)
    if (!email) return undefined
    return { accountId: sub, claims: () => ({ sub, email, email_verified: true }) }
  },
  // A first-party client: every scope it asks for is granted without a consent screen.
  async loadExistingGrant(ctx: KoaContextWithOIDC) {
    const { client, session } = ctx.oidc
    if (!client || !session?.accountId) return undefined
    const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId })
    grant.addOIDCScope('openid email profile')
    await grant.save()
    return grant
  },
})

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`)

function signInPage(uid: string): string {
  const action = (step: string) => `/interaction/${escapeHtml(uid)}/${step}`
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Test DfE Sign-in</title></head>
<body><main>
<h1>Test DfE Sign-in</h1>
<form method="post" action="${action('login')}">
<p><label for="email">Email address</label><br><input id="email" name="email" type="email" autocomplete="off"></p>
<p><label for="sub">Subject identifier (optional)</label><br><input id="sub" name="sub" autocomplete="off"></p>
<p><button type="submit">Continue</button></p>
</form>
<form method="post" action="${action('abort')}"><p><button type="submit">Cancel</button></p></form>
</main></body></html>`
}

async function formBody(request: http.IncomingMessage): Promise<URLSearchParams> {
  let body = ''
  for await (const chunk of request) body += String(chunk)
  return new URLSearchParams(body)
}

async function interaction(request: http.IncomingMessage, response: http.ServerResponse, step: string | undefined) {
  const details = await provider.interactionDetails(request, response)
  if (step === undefined) {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' })
    response.end(signInPage(details.uid))
    return
  }
  if (step === 'abort') {
    await provider.interactionFinished(request, response, { error: 'access_denied', error_description: 'The person cancelled signing in' })
    return
  }
  const form = await formBody(request)
  const email = form.get('email')?.trim() ?? ''
  const sub = form.get('sub')?.trim() || testSubjectFor(email)
  emailsBySub.set(sub, email)
  await provider.interactionFinished(request, response, { login: { accountId: sub } }, { mergeWithLastSubmission: false })
}

const providerCallback = provider.callback()
const server = http.createServer((request, response) => {
  const route = new URL(request.url ?? '/', issuer).pathname.match(/^\/interaction\/([\w-]+)(?:\/(login|abort))?$/)
  if (!route) {
    void providerCallback(request, response)
    return
  }
  const step = route[2]
  if ((request.method === 'POST') !== (step !== undefined)) {
    response.writeHead(405).end()
    return
  }
  interaction(request, response, step).catch((error: unknown) => {
    console.error('test OpenID Connect provider:', error)
    if (!response.headersSent) response.writeHead(400, { 'Content-Type': 'text/plain' })
    response.end('This sign-in has expired or is not valid. Start again from the service.')
  })
})
server.listen(port, '127.0.0.1', () => console.info(`Test OpenID Connect provider at ${issuer}`))
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.close(() => process.exit(0)))
