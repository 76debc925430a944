import 'server-only'
import { getDb } from '@/db'
import { logger } from '@/lib/logger'
import { describeFailure } from './failure-log'
import { flushEveryMs, newUseLedger, noteUse, returnUses, takeDueUses, writeLastUses, type UseLedger } from './last-used'

type Recorder = { ledger: UseLedger; timer?: NodeJS.Timeout; flushing: Promise<void> }

// On globalThis so that every bundle of this module fills one ledger and runs one timer.
const holder = globalThis as typeof globalThis & { __registerUseRecorder?: Recorder }

async function flush(recorder: Recorder, everything: boolean): Promise<void> {
  const uses = takeDueUses(recorder.ledger, Date.now(), everything)
  if (uses.length === 0) return
  try {
    await writeLastUses(await getDb(), uses)
  } catch (error) {
    returnUses(recorder.ledger, uses)
    logger.warn('register API: could not record when clients were last used; will retry', describeFailure(error))
  }
}

/** Runs flushes one after another, so two never write the same clients at once. */
function queueFlush(recorder: Recorder, everything: boolean): Promise<void> {
  recorder.flushing = recorder.flushing.then(() => flush(recorder, everything))
  return recorder.flushing
}

// Next's own SIGTERM/SIGINT handler closes its server and calls process.exit() straight away, before an
// UPDATE can finish (tried: the last uses were lost). So on those signals the exit waits for the final
// flush, for at most this long. Uses lost to a crash cost at most one gap's accuracy, never a request.
const shutdownGraceMs = 2_000

function flushOnShutdown(recorder: Recorder): void {
  const onSignal = (signal: NodeJS.Signals) => {
    const exit = process.exit.bind(process)
    const deadline = new Promise<void>((done) => setTimeout(done, shutdownGraceMs).unref())
    const finalFlush = Promise.race([queueFlush(recorder, true), deadline])
    process.exit = ((code?: number | string | null) => void finalFlush.finally(() => exit(code))) as typeof process.exit
    // Were ours the only listener (Next's is off under NEXT_MANUAL_SIG_HANDLE), stop as the signal asks.
    if (process.listenerCount(signal) === 0) void finalFlush.finally(() => exit(signal === 'SIGINT' ? 130 : 143))
  }
  process.once('SIGTERM', onSignal)
  process.once('SIGINT', onSignal)
}

function start(): Recorder {
  const recorder: Recorder = { ledger: newUseLedger(), flushing: Promise.resolve() }
  // unref: a pending write must never keep a stopping process alive.
  recorder.timer = setInterval(() => void queueFlush(recorder, false), flushEveryMs).unref()
  flushOnShutdown(recorder)
  return recorder
}

/** Notes that a client made a request; last_used_at is written in batches, not per request. */
export function recordApiClientUse(clientId: string, at: Date): void {
  holder.__registerUseRecorder ??= start()
  noteUse(holder.__registerUseRecorder.ledger, clientId, at.getTime())
}
