import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  // PGlite ships WebAssembly and data files that must be loaded from node_modules, not bundled.
  serverExternalPackages: ['@electric-sql/pglite'],
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx with a 403 status.
  experimental: { authInterrupts: true },
  reactStrictMode: true,
  sassOptions: {
    // govuk-frontend's Sass still uses a few legacy functions; its own team silences these.
    quietDeps: true,
  },
}

export default nextConfig
