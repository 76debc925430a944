import type { OAuthConfig } from 'next-auth/providers/oauth'
import type { TokenSet } from 'openid-client'
import type { DfeSignInSettings } from '@/lib/env'

/** next-auth's id for DfE Sign-in: it names the callback route, /api/auth/callback/dfe-sign-in. */
export const dfeSignInProviderId = 'dfe-sign-in'

/** The claims we read from DfE Sign-in: the subject, and the email address for the first match. */
export type DfeSignInClaims = { sub: string; email?: string; given_name?: string; family_name?: string }

/**
 * DfE Sign-in as a next-auth OpenID Connect provider, found through its discovery document. The
 * authorisation code flow with PKCE, state and nonce; the ID token is verified (signature, issuer,
 * audience, nonce). DfE Sign-in, like many providers built on node-oidc-provider, may put the email
 * address only in userinfo, so userinfo is asked when the ID token lacks it; openid-client then checks
 * that userinfo describes the same subject. The client secret goes in an HTTP Basic header
 * (client_secret_basic), the method DfE Sign-in services use by default (docs/decisions/0010).
 */
export function dfeSignInProvider(settings: DfeSignInSettings): OAuthConfig<DfeSignInClaims> {
  return {
    id: dfeSignInProviderId,
    name: 'DfE Sign-in',
    type: 'oauth',
    wellKnown: `${settings.issuer}/.well-known/openid-configuration`,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    client: { token_endpoint_auth_method: 'client_secret_basic' },
    authorization: { params: { scope: settings.scope } },
    checks: ['pkce', 'state', 'nonce'],
    idToken: true,
    userinfo: {
      async request({ client, tokens }) {
        // next-auth types these as plain parameters; at run time they are openid-client's TokenSet.
        const tokenSet = tokens as unknown as TokenSet
        const claims = tokenSet.claims()
        if (typeof claims.email === 'string') return claims
        return { ...(await client.userinfo(tokenSet)), sub: claims.sub }
      },
    },
    profile(claims) {
      const name = [claims.given_name, claims.family_name].filter(Boolean).join(' ')
      return { id: claims.sub, email: claims.email ?? null, name: name || null }
    },
  }
}
