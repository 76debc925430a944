import { spawn } from 'node:child_process'
import { connect, createServer, type Server, type Socket } from 'node:net'
import { resolve } from 'node:path'
import postgres from 'postgres'
import { e2eDatabaseUrl, e2eEnvironment, secondInstancePort } from '../support/environment'

/** The port of the main e2e server (playwright.config.ts), whose database every instance shares. */
export const mainPort = process.env.E2E_PORT ?? '3100'

/** The second instance that playwright.config.ts starts beside the main one. */
export const secondOrigin = `http://127.0.0.1:${secondInstancePort(mainPort)}`

/** The address of the database server the instances project runs on. */
function databaseServerUrl(): string {
  const url = process.env.TEST_DATABASE_URL
  if (!url) throw new Error('the instances project needs TEST_DATABASE_URL')
  return url
}

/** A direct connection to the run's database, for what a test must see or change behind the app. */
export function openRunDatabase() {
  return postgres(e2eDatabaseUrl(databaseServerUrl(), mainPort), { max: 1, onnotice: () => {} })
}

/** A TCP proxy in front of PostgreSQL that a test can stop and start, as if the database went away and came back. */
export class DatabaseProxy {
  #server: Server | undefined
  readonly #sockets = new Set<Socket>()
  // Each connection to the database, with the app's connection its answers go to.
  readonly #upstreams = new Map<Socket, Socket>()
  #stalled = false
  #held = false

  constructor(readonly port: number) {}

  /** The run's database URL through this proxy. */
  get databaseUrl(): string {
    const url = new URL(e2eDatabaseUrl(databaseServerUrl(), mainPort))
    url.hostname = '127.0.0.1'
    url.port = String(this.port)
    return url.toString()
  }

  /** Starts forwarding connections to the database server. */
  async start(): Promise<void> {
    const target = new URL(databaseServerUrl())
    const server = createServer((client) => {
      this.#sockets.add(client)
      client.on('close', () => this.#sockets.delete(client))
      client.on('error', () => client.destroy())
      // A stalled database: the connection is accepted, and nothing ever comes back.
      if (this.#stalled) return client.pause()
      const upstream = connect(Number(target.port || 5432), target.hostname)
      this.#upstreams.set(upstream, client)
      upstream.on('close', () => this.#upstreams.delete(upstream))
      for (const socket of [client, upstream]) {
        this.#sockets.add(socket)
        socket.on('close', () => this.#sockets.delete(socket))
        socket.on('error', () => [client, upstream].forEach((each) => each.destroy()))
      }
      client.pipe(upstream)
      if (!this.#held) upstream.pipe(client)
    })
    await new Promise<void>((done, fail) => server.once('error', fail).listen(this.port, '127.0.0.1', done))
    this.#server = server
  }

  /**
   * Stops answering without closing anything, as a black-holed network or a frozen server would: open
   * connections stay open and hear nothing back, new ones are accepted and hear nothing either.
   */
  stall(): void {
    this.#stalled = true
    for (const socket of this.#sockets) {
      socket.unpipe()
      socket.pause()
    }
  }

  /**
   * Holds back the database's answers without losing any: what the database sends waits in the proxy
   * until release(), so queries sent meanwhile (on new connections too) are slow, then complete: a slow
   * request that only a test can make.
   */
  hold(): void {
    this.#held = true
    for (const [upstream, client] of this.#upstreams) {
      upstream.unpipe(client)
      upstream.pause()
    }
  }

  /** Lets the held answers through. */
  release(): void {
    this.#held = false
    for (const [upstream, client] of this.#upstreams) upstream.pipe(client)
  }

  /** Ends a stall by cutting every stalled connection (as the network coming back to a restarted server would) and forwarding again. */
  unstall(): void {
    this.#stalled = false
    for (const socket of this.#sockets) socket.destroy()
  }

  /** Refuses new connections and cuts the open ones, as a database that went down would. */
  async stop(): Promise<void> {
    const server = this.#server
    this.#server = undefined
    for (const socket of this.#sockets) socket.destroy()
    if (server) await new Promise<void>((done) => server.close(() => done()))
  }
}

/** Another `next start` of the main server's build, with its environment plus `env`; `output` is what it has written since it became healthy, when captured. */
export async function startInstance(
  port: number,
  env: Record<string, string>,
  options: { captureOutput?: boolean } = {},
): Promise<{ origin: string; stop: () => Promise<void>; output: () => string; signal: (name: NodeJS.Signals) => void; exitCode: Promise<number | null> }> {
  const inherited = { ...process.env }
  for (const name of ['TEST_DATABASE_URL', 'TEST_REDIS_URL', 'REDIS_URL', 'PGLITE_DIR']) delete inherited[name]
  const origin = `http://127.0.0.1:${port}`
  const child = spawn(process.execPath, [resolve('node_modules/next/dist/bin/next'), 'start', '--port', String(port), '--hostname', '127.0.0.1'], {
    // E2E_PORT chooses the build folder (next.config.ts): the main server's.
    env: { ...inherited, ...e2eEnvironment(mainPort), E2E_PORT: mainPort, ...env },
    stdio: ['ignore', options.captureOutput ? 'pipe' : 'ignore', options.captureOutput ? 'pipe' : 'inherit'],
  })
  let written = ''
  child.stdout?.on('data', (chunk: Buffer) => (written += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (written += chunk.toString()))
  const exitCode = new Promise<number | null>((done) => child.once('exit', (code) => done(code)))
  const exited = exitCode.then(() => undefined)
  const stop = async () => {
    child.kill('SIGTERM')
    await exited
  }
  for (let waited = 0; waited < 120; waited += 1) {
    if (child.exitCode !== null) throw new Error(`the instance on port ${port} stopped with ${child.exitCode}`)
    const healthy = await fetch(`${origin}/api/health`).then(
      (response) => response.ok,
      () => false,
    )
    if (healthy) {
      const startedAt = written.length
      return { origin, stop, output: () => written.slice(startedAt), signal: (name) => void child.kill(name), exitCode }
    }
    await new Promise((done) => setTimeout(done, 500))
  }
  await stop()
  throw new Error(`the instance on port ${port} did not start`)
}
