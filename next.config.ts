import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  // Journeys run on another port (E2E_PORT) keep their own build, so two runs can build side by side.
  // lib/metrics/route-patterns.ts finds the build's routes here too (distDirFor, which its test keeps in step).
  distDir: process.env.E2E_PORT && process.env.E2E_PORT !== '3100' ? `.next-${process.env.E2E_PORT}` : '.next',
  // PGlite ships WebAssembly and data files that must be loaded from node_modules, not bundled; Notify's client
  // and its axios are plain Node.js packages, loaded as they are; so is prom-client, so every bundle counts in one copy.
  // Drizzle and its driver are loaded from node_modules too, so the server holds ONE copy: bundled, each layer
  // (instrumentation, route handlers, pages) got its own, and the connection opened at start-up then met tables from
  // another copy, which sends every drizzle `is()` check down its slow path (issue 16; e2e/build/single-drizzle.spec.ts).
  serverExternalPackages: ['@electric-sql/pglite', 'notifications-node-client', 'axios', 'prom-client', 'drizzle-orm', 'postgres'],
  poweredByHeader: false,
  // Compression belongs to the load balancer (docs/decisions/0027, 0028): in process, gzip costs 3.8–5.3 ms of CPU
  // for a 63 kB page of 100, two to three times what serving a kept page costs, on every request that asks for it.
  compress: false,
  // A trailing slash under /api is an unknown path (a 404 problem), not a redirect; proxy.ts still
  // redirects pages to their address without it, as Next does by default.
  skipTrailingSlashRedirect: true,
  // forbidden() renders app/forbidden.tsx with a 403 status. BENCH_UNMINIFIED=true keeps the server's function names
  // for a CPU profile (bench/profile.ts); production builds are minified.
  experimental: { authInterrupts: true, serverMinification: process.env.BENCH_UNMINIFIED !== 'true' },
  reactStrictMode: true,
  sassOptions: {
    // govuk-frontend's Sass still uses a few legacy functions; its own team silences these.
    quietDeps: true,
  },
}

export default nextConfig
