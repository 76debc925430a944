import NextAuth from 'next-auth'
import type { NextRequest } from 'next/server'
import { authOptions } from '@/lib/auth/options'

type Context = { params: Promise<{ nextauth: string[] }> }

// Built on first request so the environment is validated at run time, not at build time.
async function handler(request: NextRequest, context: Context) {
  return NextAuth(request, context as never, authOptions())
}

export { handler as GET, handler as POST }
