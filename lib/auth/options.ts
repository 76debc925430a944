import type { NextAuthOptions } from 'next-auth'
import CredentialsProvider from 'next-auth/providers/credentials'
import { dfeSignInSettings, env } from '@/lib/env'
import { describeError, logger } from '@/lib/logger'
import { fullName } from '@/lib/users/names'
import { safeCallbackPath } from './callback-url'
import { sessionMaxAgeSeconds, secureCookiesEnabled } from './cookies'
import { signInWithEmailAndPassword } from './password-sign-in'
import { admitDfeSignInUser, dfeSignInSessionToken } from './dfe-sign-in-callbacks'
import { dfeSignInProvider, dfeSignInProviderId } from './dfe-sign-in-provider'
import { signedInAtClaim } from './session-start'

let options: NextAuthOptions | undefined

function credentialsProvider() {
  return CredentialsProvider({
    id: 'credentials',
    name: 'Email and password',
    credentials: { email: { label: 'Email address', type: 'email' }, password: { label: 'Password', type: 'password' } },
    async authorize(credentials, request) {
      const headers = new Headers()
      for (const [name, value] of Object.entries(request.headers ?? {})) if (typeof value === 'string') headers.set(name, value)
      const result = await signInWithEmailAndPassword({ email: credentials?.email ?? '', password: credentials?.password ?? '' }, headers)
      if (result.outcome !== 'signed-in') return null
      return { id: result.user.id, email: result.user.email, name: fullName(result.user) }
    },
  })
}

/**
 * next-auth configuration: JWT sessions carrying only the user id, name and email. DfE Sign-in (OpenID
 * Connect) is on when configured; the email-and-password provider is there for development, demos and
 * tests, and can be turned off (CREDENTIALS_SIGN_IN_ENABLED).
 */
export function authOptions(): NextAuthOptions {
  const dfeSignIn = dfeSignInSettings()
  options ??= {
    secret: env().NEXTAUTH_SECRET,
    useSecureCookies: secureCookiesEnabled(),
    session: { strategy: 'jwt', maxAge: sessionMaxAgeSeconds },
    pages: { signIn: '/sign-in', error: '/sign-in' },
    providers: [...(dfeSignIn ? [dfeSignInProvider(dfeSignIn)] : []), ...(env().CREDENTIALS_SIGN_IN_ENABLED ? [credentialsProvider()] : [])],
    // next-auth's own messages carry profiles and tokens at debug level: only codes and error names are logged.
    logger: {
      error: (code, metadata) => logger.warn('next-auth error', { code, ...describeError(metadata instanceof Error ? metadata : metadata.error) }),
      warn: (code) => logger.warn('next-auth warning', { code }),
      debug: () => undefined,
    },
    callbacks: {
      async signIn({ user, account }) {
        if (account?.provider !== dfeSignInProviderId) return true
        return admitDfeSignInUser({ sub: account.providerAccountId, email: user.email ?? undefined })
      },
      async jwt({ token, account }) {
        // Only on the sign-in itself does next-auth pass the account; later calls keep the token as it is
        // (a refresh keeps the sign-in time, so it cannot outlive a sign-out).
        if (account?.provider === dfeSignInProviderId) return dfeSignInSessionToken(account.providerAccountId)
        if (account) return { ...token, [signedInAtClaim]: Date.now() }
        return token
      },
      session({ session, token }) {
        // Expose the id only; pages load the person (and their role) from the database.
        return { ...session, user: { id: token.sub, name: token.name, email: token.email, [signedInAtClaim]: token[signedInAtClaim] } }
      },
      // Only paths on this service, never another site, survive the round trip through DfE Sign-in.
      redirect({ url, baseUrl }) {
        const target = new URL(url, baseUrl)
        return safeCallbackPath(target.origin === new URL(baseUrl).origin ? `${target.pathname}${target.search}` : undefined)
      },
    },
  }
  return options
}
