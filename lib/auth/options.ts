import type { NextAuthOptions } from 'next-auth'
import CredentialsProvider from 'next-auth/providers/credentials'
import { env } from '@/lib/env'
import { sessionMaxAgeSeconds, secureCookiesEnabled } from './cookies'
import { authenticateWithPassword } from './credentials'

let options: NextAuthOptions | undefined

/**
 * next-auth configuration: JWT sessions carrying only the user id and role. The email-and-password
 * provider is there for development, demos and tests, and can be turned off (CREDENTIALS_SIGN_IN_ENABLED).
 */
export function authOptions(): NextAuthOptions {
  options ??= {
    secret: env().NEXTAUTH_SECRET,
    useSecureCookies: secureCookiesEnabled(),
    session: { strategy: 'jwt', maxAge: sessionMaxAgeSeconds },
    pages: { signIn: '/sign-in', error: '/sign-in' },
    providers: env().CREDENTIALS_SIGN_IN_ENABLED
      ? [
          CredentialsProvider({
            id: 'credentials',
            name: 'Email and password',
            credentials: { email: { label: 'Email address', type: 'email' }, password: { label: 'Password', type: 'password' } },
            async authorize(credentials) {
              const result = await authenticateWithPassword(credentials?.email ?? '', credentials?.password ?? '')
              if (result.outcome !== 'signed-in') return null
              return { id: result.user.id, email: result.user.email, name: `${result.user.firstName} ${result.user.lastName}` }
            },
          }),
        ]
      : [],
    callbacks: {
      session({ session, token }) {
        // Expose the id only; pages load the person (and their role) from the database.
        return { ...session, user: { id: token.sub, name: token.name, email: token.email } }
      },
    },
  }
  return options
}
