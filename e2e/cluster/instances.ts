import type { ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { nextBin, startScriptNodeFlags } from '../../scripts/node-flags'
import { e2eEnvironment } from '../support/environment'
import { exited, GaveUp, startServerProcess, waitFor } from './processes'

/** The build the instances serve: the journeys' (next.config.ts picks the folder from E2E_PORT). */
export const buildPort = process.env.E2E_PORT ?? '3100'

/** The environment every instance shares: the journeys' test secrets, without the stand-ins this harness does not run. */
export function instanceEnvironment(overrides: Record<string, string>): NodeJS.ProcessEnv {
  const inherited: NodeJS.ProcessEnv = { ...process.env }
  for (const name of ['TEST_DATABASE_URL', 'TEST_REDIS_URL', 'REDIS_URL', 'PGLITE_DIR', 'DATABASE_URL', 'DATABASE_DIRECT_URL']) delete inherited[name]
  const base: Record<string, string> = { ...e2eEnvironment(buildPort) }
  for (const name of Object.keys(base))
    if (name.startsWith('NOTIFY_') || name.startsWith('DFE_SIGN_IN_') || name === 'EXPIRY_REMINDERS_INTERVAL_SECONDS') delete base[name]
  return { ...inherited, ...base, E2E_PORT: buildPort, ...overrides }
}

/** One `next start` of the production build, which a test may kill and start again on the same port. */
export class Instance {
  #child: ChildProcess | undefined
  readonly logFile: string

  constructor(
    readonly name: string,
    readonly port: number,
    dir: string,
    readonly env: NodeJS.ProcessEnv,
  ) {
    this.logFile = join(dir, `${name}.log`)
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`
  }

  /** The process id of the running server, to show that a test did not restart it. */
  get pid(): number | undefined {
    return this.#child?.pid
  }

  /** Starts the server and waits until it is ready (its database answers). */
  async start(): Promise<void> {
    // With the Node flags `npm start` passes (the heap settings, docs/decisions/0030), as a deployed instance runs.
    const child = startServerProcess(
      process.execPath,
      [...startScriptNodeFlags(), resolve(nextBin), 'start', '--port', String(this.port), '--hostname', '127.0.0.1'],
      this.logFile,
      this.env,
    )
    this.#child = child
    // What the last readiness check got, and the end of the log, go into the error: CI deletes the log with its folder.
    let last = 'no answer yet'
    await waitFor(
      async () => {
        if (child.exitCode !== null) throw new GaveUp(`${this.name} stopped with ${child.exitCode}`)
        const response = await fetch(`${this.origin}/api/health/ready`).catch((error: unknown) => {
          last = `${String(error)} (${String((error as { cause?: { code?: string } }).cause?.code ?? 'no code')})`
          throw error
        })
        last = `HTTP ${response.status}`
        return response.ok
      },
      `${this.name} was not ready within two minutes`,
      120_000,
    ).catch((error: unknown) => {
      const tail = this.log().trimEnd().split('\n').slice(-25).join('\n')
      throw new Error(`${(error as Error).message}; its last readiness check: ${last}. The end of ${this.logFile}:\n${tail}`)
    })
  }

  /** Sends `signal` and waits for the process to end; returns its exit code (null when a signal ended it). */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    const child = this.#child
    if (!child) return null
    child.kill(signal)
    await exited(child)
    this.#child = undefined
    return child.exitCode
  }

  /** Everything the instance has logged so far, across restarts. */
  log(): string {
    return readFileSync(this.logFile, 'utf8')
  }
}
