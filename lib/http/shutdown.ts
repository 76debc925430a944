import { env } from '@/lib/env'
import { describeError, logger } from '@/lib/logger'
import { stopListeningForClientChanges } from '@/lib/token-cache/change-listener'
import { onShutdown, runShutdownTasks } from './shutdown-tasks'
import { knownServers, markShuttingDown, requestsInFlight } from './shutdown-state'

type Signal = 'SIGTERM' | 'SIGINT'
type Listener = (signal: Signal) => void
export type ShutdownSettings = { graceMs: number; timeoutMs: number }

// Each final step (a flush, closing Redis or the database) gets this long; then the next runs regardless.
const stepMs = 5_000

const holder = globalThis as typeof globalThis & { __registerGracefulShutdown?: boolean }

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms))

/**
 * Closes the servers noted by the front door ourselves: used only when Next has no signal handler of its
 * own (NEXT_MANUAL_SIG_HANDLE, or a custom server). Resolves when their connections have all ended.
 */
async function closeKnownServers(): Promise<void> {
  await Promise.all(
    [...knownServers()].map((server) => new Promise<void>((done) => (server.listening ? server.close(() => done()) : done()))),
  )
}

/**
 * Ends the process once the last steps have run: 0 after a clean drain, 1 if requests in flight had to be
 * cut. A step that failed (Redis already gone) is logged but is no reason to call the stop a failure.
 */
function finishAndExit(exit: (code?: number) => never, forced: () => boolean): () => Promise<void> {
  let finishing: Promise<void> | undefined
  return () =>
    (finishing ??= (async () => {
      await runShutdownTasks(stepMs, (name, problem) => logger.warn(`shutdown: ${name} did not finish cleanly`, describeError(problem)))
      const code = forced() ? 1 : 0
      logger.info('shutdown: finished', { exitCode: code })
      exit(code)
    })())
}

/**
 * One ordered shutdown on SIGTERM or SIGINT (docs/decisions/0021-metrics-and-shutdown.md): at once, the
 * readiness check answers 503 and every response closes its connection; after the grace, new connections
 * are refused and requests in flight finish, for at most the timeout; then the registered steps run
 * (reminders stopped, last uses and usage counts written, listener, Redis and database closed) and the
 * process exits. `next start` has its own handler, which closes the server at once and exits 143: it is
 * taken off the signals here and called after the grace, and its final process.exit() runs the steps first.
 */
export function installGracefulShutdown(settings: ShutdownSettings = settingsFromEnv()): void {
  if (holder.__registerGracefulShutdown) return
  holder.__registerGracefulShutdown = true
  onShutdown('disconnect', 'the API client change listener', stopListeningForClientChanges)
  const theirs = new Map<Signal, Listener[]>()
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    theirs.set(signal, process.listeners(signal) as Listener[])
    process.removeAllListeners(signal)
  }
  let started = false
  const onSignal = (signal: Signal) => {
    if (started) return
    started = true
    void drain(signal, theirs.get(signal) ?? [], settings)
  }
  process.on('SIGTERM', onSignal)
  process.on('SIGINT', onSignal)
}

async function drain(signal: Signal, nextHandlers: Listener[], { graceMs, timeoutMs }: ShutdownSettings): Promise<void> {
  markShuttingDown()
  logger.info('shutdown: draining; readiness answers 503', { signal, graceSeconds: graceMs / 1_000, inFlight: requestsInFlight() })
  let forced = false
  const exit = process.exit.bind(process) as (code?: number) => never
  const finish = finishAndExit(exit, () => forced)
  // Next's handler ends with process.exit(143 or 130): by then its server has closed and drained.
  process.exit = (() => void finish()) as typeof process.exit
  await sleep(graceMs)
  logger.info('shutdown: refusing new connections; waiting for requests in flight', { inFlight: requestsInFlight(), timeoutSeconds: timeoutMs / 1_000 })
  const cut = setTimeout(() => {
    forced = true
    logger.warn('shutdown: requests still in flight at the timeout; closing their connections', { inFlight: requestsInFlight() })
    for (const server of knownServers()) server.closeAllConnections()
  }, timeoutMs)
  // Were the final steps themselves to hang past their bounds, the process still ends.
  setTimeout(() => exit(1), timeoutMs + stepMs * 6).unref()
  if (nextHandlers.length > 0) {
    for (const handler of nextHandlers) handler(signal)
    return
  }
  await closeKnownServers()
  clearTimeout(cut)
  await finish()
}

function settingsFromEnv(): ShutdownSettings {
  const { SHUTDOWN_GRACE_SECONDS, SHUTDOWN_TIMEOUT_SECONDS } = env()
  return { graceMs: SHUTDOWN_GRACE_SECONDS * 1_000, timeoutMs: SHUTDOWN_TIMEOUT_SECONDS * 1_000 }
}
