import { execFileSync, type ChildProcess } from 'node:child_process'
import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { Redis } from 'ioredis'
import postgres from 'postgres'
import { Instance, instanceEnvironment } from './instances'
import { harnessFolder, requireBinary, waitFor } from './processes'
import { Forwarder, haproxyCommand, startHaproxy, startPgBouncer, stopChild } from './proxies'
import { PostgresServer } from './postgres-server'

/** The harness's ports (4100–4199 on this machine): HAProxy, PgBouncer, PostgreSQL, stats, instances, forwarders. */
export const clusterPorts = { haproxy: 4100, pgbouncer: 4101, postgres: 4102, stats: 4103, instances: 4110, forwarders: 4120 }

const database = 'rotp_cluster'
const redisPrefix = 'rotp_cluster'

type Fixtures = { users: Record<string, string>; tokens: Record<string, string> }

/**
 * The production shape on one machine: HAProxy in front of `count` instances of the production build, each
 * pooling through PgBouncer (transaction mode) and listening through a direct connection to PostgreSQL (its
 * own cuttable forwarder), all sharing Redis for rate limits. PostgreSQL is the harness's own.
 */
export class Cluster {
  // Made when first needed: Playwright also loads the spec (and so constructs this) in a process that runs no test.
  #dir: string | undefined
  #postgres: PostgresServer | undefined
  readonly instances: Instance[] = []
  readonly forwarders: Forwarder[] = []
  readonly #extras: Instance[] = []
  #pgbouncer: ChildProcess | undefined
  #haproxy: ChildProcess | undefined
  #fixtures: Fixtures | undefined

  /** `count` instances; `extraEnv` is added to every instance's environment (the benchmark raises the rate limits). */
  constructor(
    readonly count = 3,
    readonly extraEnv: Record<string, string> = {},
  ) {}

  /** The harness's folder: config files, PostgreSQL's data, every server's log. */
  get dir(): string {
    this.#dir ??= harnessFolder()
    return this.#dir
  }

  /** The harness's own PostgreSQL server. */
  get postgres(): PostgresServer {
    this.#postgres ??= new PostgresServer(this.dir, clusterPorts.postgres)
    return this.#postgres
  }

  /** The address clients use: HAProxy. */
  readonly origin = `http://127.0.0.1:${clusterPorts.haproxy}`
  /** The service's pooled URL: PgBouncer. */
  readonly pooledUrl = `postgres://postgres@127.0.0.1:${clusterPorts.pgbouncer}/${database}`
  /** PostgreSQL itself, for the harness's own checks and the instances' direct connections. */
  readonly directUrl = `postgres://postgres@127.0.0.1:${clusterPorts.postgres}/${database}`

  /** Starts everything, each part waiting until the one before is ready; a missing program fails here. */
  async start(): Promise<void> {
    requireBinary('/usr/sbin/haproxy', 'haproxy')
    requireBinary('/usr/sbin/pgbouncer', 'pgbouncer')
    const redisUrl = process.env.TEST_REDIS_URL
    if (!redisUrl) throw new Error('the cluster tests need Redis for shared rate limits: set TEST_REDIS_URL')
    this.postgres.init()
    this.postgres.start()
    await this.#prepareDatabase()
    await freshRedis(redisUrl)
    this.#pgbouncer = await startPgBouncer(this.dir, clusterPorts.pgbouncer, database, clusterPorts.postgres)
    const ports = Array.from({ length: this.count }, (_, index) => clusterPorts.instances + index)
    for (const [index, port] of ports.entries()) {
      const forwarder = new Forwarder(clusterPorts.forwarders + index, clusterPorts.postgres)
      await forwarder.start()
      this.forwarders.push(forwarder)
      const directUrl = `postgres://postgres@127.0.0.1:${forwarder.port}/${database}`
      this.instances.push(new Instance(`app${index + 1}`, port, this.dir, this.environment({ DATABASE_DIRECT_URL: directUrl, REDIS_URL: redisUrl })))
    }
    // One at a time: three `next start`s warming up at once would crowd the shared machine's two cores.
    for (const instance of this.instances) await instance.start()
    this.#haproxy = await startHaproxy(this.dir, clusterPorts.haproxy, clusterPorts.stats, ports)
    await this.waitUntilServing(this.instances.map((instance) => instance.name))
  }

  /** An instance's environment: pooled through PgBouncer, addressed as the load balancer, behind two proxies (a test's own X-Forwarded-For, then HAProxy's). */
  environment(overrides: Record<string, string>): NodeJS.ProcessEnv {
    return instanceEnvironment({
      DATABASE_URL: this.pooledUrl,
      NEXTAUTH_URL: this.origin,
      TRUST_PROXY: '2',
      REDIS_KEY_PREFIX: redisPrefix,
      LOG_LEVEL: 'info',
      DATABASE_QUERY_TIMEOUT_MS: '3000',
      SHUTDOWN_GRACE_SECONDS: '2',
      SHUTDOWN_TIMEOUT_SECONDS: '10',
      ...this.extraEnv,
      ...overrides,
    })
  }

  /** A fixture token (scripts/e2e-fixtures.ts) made for this harness's database. */
  token(key: string): string {
    this.#fixtures ??= JSON.parse(readFileSync(join(this.dir, 'fixtures.json'), 'utf8')) as Fixtures
    const token = this.#fixtures.tokens[key]
    if (!token) throw new Error(`no fixture token ${key}`)
    return token
  }

  /** Waits until HAProxy's health checks count every named instance as up. */
  async waitUntilServing(names: string[], timeoutMs = 30_000): Promise<void> {
    let seen = ''
    const serving = async () => {
      const csv = await (await fetch(`http://127.0.0.1:${clusterPorts.stats}/stats;csv`)).text()
      const rows = csv
        .split('\n')
        .filter((line) => line.startsWith('instances,app'))
        .map((line) => line.split(','))
      seen = rows.map((fields) => `${fields[1]} ${fields[17]}`).join(', ')
      // "UP", or "UP 1/2" while a check is going on.
      return names.every((name) => rows.some((fields) => fields[1] === name && fields[17]?.startsWith('UP')))
    }
    await waitFor(serving, `HAProxy did not see ${names.join(', ')} up`, timeoutMs).catch((error: unknown) => {
      throw new Error(`${error instanceof Error ? error.message : String(error)} (it saw ${seen})`)
    })
  }

  /** Another instance outside HAProxy's rotation, stopped with the harness even if its test gave up half-way. */
  extraInstance(name: string, port: number, env: Record<string, string>): Instance {
    const instance = new Instance(name, port, this.dir, this.environment(env))
    this.#extras.push(instance)
    return instance
  }

  /** Sends a command to HAProxy's admin socket (like `disable server instances/app3`) and returns its answer. */
  haproxy(command: string): Promise<string> {
    return haproxyCommand(join(this.dir, 'haproxy.sock'), command)
  }

  /** Stops everything and removes the harness's folder and its Redis keys. */
  async stop(): Promise<void> {
    if (this.#dir === undefined) return
    for (const instance of [...this.instances, ...this.#extras]) await instance.stop('SIGKILL').catch(() => {})
    await stopChild(this.#haproxy)
    await stopChild(this.#pgbouncer)
    for (const forwarder of this.forwarders) await forwarder.cut()
    try {
      this.postgres.stop()
    } catch {
      // Already stopped by a test that failed half-way.
    }
    if (process.env.TEST_REDIS_URL) await freshRedis(process.env.TEST_REDIS_URL)
    if (!process.env.KEEP_CLUSTER_FILES) rmSync(this.dir, { recursive: true, force: true })
  }

  /** The database, migrated and seeded as the journeys' is, with the fixture clients; session limits set on it for the pool. */
  async #prepareDatabase(): Promise<void> {
    const admin = postgres(this.postgres.url(), { max: 1, onnotice: () => {} })
    await admin.unsafe(`create database ${database}`)
    // Through PgBouncer the service cannot send these as startup parameters (db/client.ts), so they live on the database.
    const timeoutMs = Number(this.environment({}).DATABASE_QUERY_TIMEOUT_MS)
    await admin.unsafe(`alter database ${database} set statement_timeout = ${timeoutMs}`)
    await admin.unsafe(`alter database ${database} set idle_in_transaction_session_timeout = ${timeoutMs + 2_000}`)
    await admin.end()
    const env = instanceEnvironment({ DATABASE_URL: this.directUrl })
    execFileSync('npx', ['tsx', 'db/cli/seed.ts', '--providers', '300'], { env, stdio: 'pipe' })
    execFileSync('npx', ['tsx', 'scripts/e2e-fixtures.ts', join(this.dir, 'fixtures.json')], { env, stdio: 'pipe' })
  }
}

/** Removes the harness's rate-limit counts from Redis (other runs use other prefixes). */
async function freshRedis(url: string): Promise<void> {
  const redis = new Redis(url)
  const keys: string[] = []
  for await (const batch of redis.scanStream({ match: `${redisPrefix}:*`, count: 500 })) keys.push(...(batch as string[]))
  if (keys.length > 0) await redis.unlink(...keys)
  redis.disconnect()
}
