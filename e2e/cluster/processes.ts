import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, openSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** Debian's servers the cluster harness runs; missing ones fail the run (CI installs them: .ci/run). */
export function requireBinary(path: string, packageName: string): string {
  if (!existsSync(path)) throw new Error(`${path} is missing: the cluster tests need Debian's ${packageName} (apt-get install -y ${packageName})`)
  return path
}

/** PostgreSQL's server programs (initdb, pg_ctl) from the newest installed major version. */
export function postgresBin(name: string): string {
  const root = '/usr/lib/postgresql'
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : []
  return requireBinary(join(root, versions[0] ?? 'none', 'bin', name), 'postgresql')
}

/** A temporary folder for the harness's config, data and logs, which the postgres user may also write. */
export function harnessFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rotp_cluster-'))
  if (process.getuid?.() === 0) chownSync(dir, postgresUid(), postgresUid())
  return dir
}

function postgresUid(): number {
  return Number(execFileSync('id', ['-u', 'postgres']).toString().trim())
}

/**
 * PostgreSQL and PgBouncer refuse to run as root: as root (CI containers) they run as the postgres user.
 * Returns the command and arguments to spawn.
 */
export function asServerUser(command: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args]
}

/** Runs a command to completion as the server user, throwing with its output if it fails. */
export function runAsServerUser(command: string, args: string[]): void {
  const [file, rest] = asServerUser(command, args)
  execFileSync(file, rest, { stdio: 'pipe' })
}

/** Starts a long-running server, its output appended to `logFile`; it dies with the harness. */
export function startServerProcess(command: string, args: string[], logFile: string, env: NodeJS.ProcessEnv = process.env): ChildProcess {
  const log = openSync(logFile, 'a')
  const child = spawn(command, args, { env, stdio: ['ignore', log, log] })
  child.unref()
  return child
}

/** Thrown by a waitFor check to stop waiting at once: what it waits for can no longer happen. */
export class GaveUp extends Error {}

/** Waits for `check` to be true, polling (a failed check counts as false, except GaveUp); throws `message` after `timeoutMs`. */
export async function waitFor(check: () => Promise<boolean>, message: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const done = await check().catch((error: unknown) => {
      if (error instanceof GaveUp) throw error
      return false
    })
    if (done) return
    await new Promise((done) => setTimeout(done, 250))
  }
  throw new Error(message)
}

/** Resolves when `child` has exited (at once if it already has). */
export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((done) => child.once('exit', () => done()))
}
