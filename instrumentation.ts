/**
 * Runs once when a server process starts. The Node.js work lives in its own module so the Edge
 * bundle never sees it.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startServer } = await import('./lib/start-server')
    await startServer()
  }
}
