// DfE's prototype of this service as an optional peer for bench/api.ts (bench/README.md): Express, Sequelize
// and SQLite, from a checkout given in PROTOTYPE_DIR (never part of this repository). It is given the same
// register as ours, copied row by row from our benchmark database, and one API token.
import { spawn } from 'node:child_process'
import { createHmac } from 'node:crypto'
import { copyFileSync, existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import postgres from 'postgres'
import type { BenchServer } from './server'

type Sqlite = { run: (sql: string, params?: unknown[]) => Promise<void>; close: () => Promise<void> }

// The prototype's own sqlite3 (native, built by its npm install), so this repository needs no copy of it.
function openSqlite(dir: string, file: string): Sqlite {
  const sqlite3 = createRequire(join(dir, 'package.json'))('sqlite3') as {
    Database: new (file: string) => { run: (sql: string, params: unknown[], done: (error: Error | null) => void) => void; close: (done: (error: Error | null) => void) => void }
  }
  const database = new sqlite3.Database(file)
  const settle = (resolve: () => void, reject: (error: Error) => void) => (error: Error | null) => (error ? reject(error) : resolve())
  return {
    run: (sql, params = []) => new Promise((resolve, reject) => database.run(sql, params, settle(resolve, reject))),
    close: () => new Promise((resolve, reject) => database.close(settle(resolve, reject))),
  }
}

// Sequelize's SQLite date format.
const sqliteDate = (date: Date | null) => (date === null ? null : `${date.toISOString().replace('T', ' ').replace('Z', '')} +00:00`)

/** The prototype checkout to compare with, if one is given and installed (npm install in it builds its database). */
export function prototypeDir(): string | undefined {
  const dir = process.env.PROTOTYPE_DIR ?? process.argv.find((argument) => argument.startsWith('--prototype='))?.slice('--prototype='.length)
  if (!dir) return undefined
  if (!existsSync(join(dir, 'app/database/development.sqlite3'))) throw new Error(`${dir} has no app/database/development.sqlite3: run npm install in it first`)
  return dir
}

/**
 * Gives the prototype our register: its production database becomes a copy of its development one with our
 * providers (live, archived and deleted: it filters on deleted_at itself) and one token for `token`.
 */
export async function seedPrototype(dir: string, ourDatabaseUrl: string, token: string, secret: string): Promise<number> {
  const file = join(dir, 'app/database/production.sqlite3')
  copyFileSync(join(dir, 'app/database/development.sqlite3'), file)
  const ours = postgres(ourDatabaseUrl, { max: 1, onnotice: () => {} })
  const sqlite = openSqlite(dir, file)
  try {
    const rows = await ours`select id, operating_name, legal_name, provider_type, ukprn, urn, code, created_at, updated_at, archived_at, deleted_at,
      accreditation_status = 'accredited' as accredited from providers`
    const someone = '00000000-0000-4000-8000-000000000001'
    await sqlite.run('begin')
    await sqlite.run('delete from providers')
    for (const row of rows) {
      await sqlite.run(
        `insert into providers (id, operating_name, legal_name, type, ukprn, urn, code, created_at, created_by_id, updated_at, updated_by_id, archived_at, deleted_at, is_accredited)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [row.id, row.operating_name, row.legal_name, row.provider_type, row.ukprn, row.urn, row.code, sqliteDate(row.created_at), someone, sqliteDate(row.updated_at), someone, sqliteDate(row.archived_at), sqliteDate(row.deleted_at), row.accredited ? 1 : 0],
      )
    }
    await sqlite.run('delete from api_client_tokens')
    const expires = new Date(Date.now() + 30 * 86_400_000)
    await sqlite.run(
      `insert into api_client_tokens (id, client_name, token_hash, status, expires_at, created_at, created_by_id, updated_at, updated_by_id) values (?, 'Benchmark', ?, 'active', ?, ?, ?, ?, ?)`,
      ['00000000-0000-4000-8000-0000000000b1', createHmac('sha256', secret).update(token).digest('hex'), sqliteDate(expires), sqliteDate(new Date()), someone, sqliteDate(new Date()), someone],
    )
    await sqlite.run('commit')
    // What it serves: every provider not deleted (archived ones included).
    return rows.filter((row) => row.deleted_at === null).length
  } finally {
    await sqlite.close()
    await ours.end()
  }
}

/** Starts the prototype (`govuk-prototype-kit start`, production mode, plain HTTP, no password) and waits for its API. */
export async function startPrototype(dir: string, port: number, secret: string): Promise<BenchServer> {
  const child = spawn(process.execPath, [join(dir, 'node_modules/govuk-prototype-kit/bin/cli'), 'start'], {
    cwd: dir,
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), USE_AUTH: 'false', USE_HTTPS: 'false', API_CLIENT_TOKEN_SECRET: secret, SESSION_SECRET: secret },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const origin = `http://127.0.0.1:${port}`
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve()
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref()
    })
  // The kit compiles its Sass before it listens: slow on a busy machine.
  const deadline = Date.now() + 300_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the prototype exited with ${child.exitCode}`)
    try {
      if ((await fetch(`${origin}/api/v1/providers`)).status === 401) return { origin, child, stop }
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  await stop()
  throw new Error('The prototype was not ready within 300 s')
}

/** The session cookie the prototype sets on a first request, to send back as its clients would (its steady state). */
export async function prototypeCookie(origin: string, headers: Record<string, string>): Promise<Record<string, string>> {
  const response = await fetch(`${origin}/api/v1/providers?per_page=1`, { headers })
  const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(';')[0])
  return cookies.length > 0 ? { cookie: cookies.join('; ') } : {}
}
