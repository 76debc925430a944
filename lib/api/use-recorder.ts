import 'server-only'
import { getDb } from '@/db'
import { outsideRequest } from '@/lib/http/request-id'
import { onShutdown } from '@/lib/http/shutdown-tasks'
import { logger } from '@/lib/logger'
import { metrics } from '@/lib/metrics/registry'
import { addUsageCounts, newCountLedger, noteOutcome, pruneDue, pruneUsage, returnCounts, takeDueCounts, ukDayAt, type CountLedger, type UsageOutcome } from '@/lib/usage/counts'
import { describeFailure } from './failure-log'
import { flushEveryMs, newUseLedger, noteUse, returnUses, takeDueUses, writeLastUses, type UseLedger } from './last-used'

// One ledger, timer and shutdown flush for both last_used_at and the usage counts, so one flush writes both.
type Recorder = { ledger: UseLedger; counts: CountLedger; timer?: NodeJS.Timeout; flushing: Promise<void> }

// On globalThis so that every bundle of this module fills one ledger and runs one timer.
const holder = globalThis as typeof globalThis & { __registerUseRecorder?: Recorder }

async function flushLastUses(recorder: Recorder, nowMs: number, everything: boolean): Promise<void> {
  const uses = takeDueUses(recorder.ledger, nowMs, everything)
  if (uses.length === 0) return
  try {
    await writeLastUses(await getDb(), uses)
    metrics().usageFlushes.inc({ kind: 'last_used', result: 'written' })
  } catch (error) {
    metrics().usageFlushes.inc({ kind: 'last_used', result: 'failed' })
    returnUses(recorder.ledger, uses)
    logger.warn('register API: could not record when clients were last used; will retry', describeFailure(error))
  }
}

async function flushCounts(recorder: Recorder, nowMs: number, everything: boolean): Promise<void> {
  const counts = takeDueCounts(recorder.counts, nowMs, everything)
  if (counts.length === 0) return
  try {
    await addUsageCounts(await getDb(), counts)
    metrics().usageFlushes.inc({ kind: 'counts', result: 'written' })
  } catch (error) {
    metrics().usageFlushes.inc({ kind: 'counts', result: 'failed' })
    returnCounts(recorder.counts, counts)
    logger.warn('register API: could not record API client usage; will retry', describeFailure(error))
    return
  }
  // Pruning rides on the first write of each UK day, so it costs one indexed delete a day per instance.
  const today = ukDayAt(nowMs)
  if (!pruneDue(recorder.counts, today)) return
  try {
    await pruneUsage(await getDb(), today)
  } catch (error) {
    recorder.counts.prunedOn = undefined
    logger.warn('register API: could not delete old API client usage; will retry', describeFailure(error))
  }
}

async function flush(recorder: Recorder, everything: boolean): Promise<void> {
  const nowMs = Date.now()
  await flushLastUses(recorder, nowMs, everything)
  await flushCounts(recorder, nowMs, everything)
}

/** Runs flushes one after another, so two never write the same clients at once. */
function queueFlush(recorder: Recorder, everything: boolean): Promise<void> {
  recorder.flushing = recorder.flushing.then(() => flush(recorder, everything))
  return recorder.flushing
}

function start(): Recorder {
  const recorder: Recorder = { ledger: newUseLedger(), counts: newCountLedger(), flushing: Promise.resolve() }
  // unref: a pending write must never keep a stopping process alive.
  recorder.timer = setInterval(() => void queueFlush(recorder, false), flushEveryMs).unref()
  // After the last request has finished and before the database closes (lib/http/shutdown.ts): uses lost to
  // a crash cost at most one gap's accuracy, never a request.
  onShutdown('flush', 'writing API clients\u2019 last use and usage counts', () => {
    clearInterval(recorder.timer)
    return queueFlush(recorder, true)
  })
  return recorder
}

function recorder(): Recorder {
  holder.__registerUseRecorder ??= outsideRequest(start)
  return holder.__registerUseRecorder
}

/** Notes that a client made a request that was let in; last_used_at is written in batches, not per request. */
export function recordApiClientUse(clientId: string, at: Date): void {
  noteUse(recorder().ledger, clientId, at.getTime())
}

/** Counts one request of a known client by its outcome, on its UK day; written in batches with last_used_at. */
export function countApiClientRequest(clientId: string, outcome: UsageOutcome, at: Date): void {
  noteOutcome(recorder().counts, clientId, outcome, at.getTime())
}
