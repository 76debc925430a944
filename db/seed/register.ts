import { sql } from 'drizzle-orm'
import type { Database, Transaction } from '../client'
import { accreditations, addresses, contacts, providerAcademicYears, providers } from '../schema'
import { insertRows, restoreProviderUpdatedAt } from './bulk-insert'
import { checkProviderCount, generateRegister, type SeedProvider } from './providers'

// Each statement carries one batch as a JSON parameter; 1,000 providers is about 0.5 MB of JSON.
const batchSize = 1_000

export type RegisterSummary = {
  providers: number
  accreditations: number
  addresses: number
  contacts: number
  providerAcademicYears: number
}

export type SeedRegisterOptions = {
  count: number
  now: Date
  academicYearIds: Map<number, string>
  log: (line: string) => void
  /** Leave the touch_provider triggers on, as for a role that does not own the tables (tests use this). */
  keepTouchTriggers?: boolean
}

// Each of these runs an UPDATE of the parent provider for every inserted row (touch_provider), which
// doubled the time of a 40,000-provider seed. When they cannot be paused, insertBatch undoes their effect.
const touchTriggers = ['accreditations', 'addresses', 'provider_academic_years'].map((table) => ({ table, trigger: `${table}_touch_provider` }))

/**
 * Turns the touch triggers off or on inside the seed's transaction, when the role may (it must own the
 * tables). DDL is transactional, so if the seed fails they were never off for anyone else.
 */
async function switchTouchTriggers(tx: Transaction, action: 'disable' | 'enable'): Promise<boolean> {
  try {
    await tx.transaction(async (savepoint) => {
      for (const { table, trigger } of touchTriggers)
        await savepoint.execute(sql`alter table ${sql.identifier(table)} ${sql.raw(action)} trigger ${sql.identifier(trigger)}`)
    })
    return true
  } catch {
    return false
  }
}

type BatchContext = { tx: Transaction; academicYearIds: Map<number, string>; summary: RegisterSummary; triggersPaused: boolean }

async function insertBatch({ tx, academicYearIds, summary, triggersPaused }: BatchContext, batch: SeedProvider[]): Promise<void> {
  summary.providers += await insertRows(
    tx,
    providers,
    batch.map((entry) => entry.provider),
  )
  summary.accreditations += await insertRows(
    tx,
    accreditations,
    batch.flatMap((entry) => entry.accreditations),
  )
  summary.addresses += await insertRows(
    tx,
    addresses,
    batch.flatMap((entry) => entry.addresses),
  )
  summary.contacts += await insertRows(
    tx,
    contacts,
    batch.flatMap((entry) => entry.contacts),
  )
  const years = batch.flatMap(({ provider, activeYears }) =>
    activeYears.map(({ id, startYear }) => {
      const academicYearId = academicYearIds.get(startYear)
      if (!academicYearId) throw new Error(`Academic year ${startYear} is missing: seed the academic years first`)
      return { id, providerId: provider.id, academicYearId, createdAt: provider.createdAt, updatedAt: provider.createdAt }
    }),
  )
  summary.providerAcademicYears += await insertRows(tx, providerAcademicYears, years)
  // The touch triggers, when on, set updated_at to now(); put the generated values back.
  if (!triggersPaused) {
    await restoreProviderUpdatedAt(
      tx,
      batch.map((entry) => entry.provider),
    )
  }
}

/**
 * Generates a deterministic register of `count` providers, with their accreditations, addresses, contacts
 * and academic years, in one transaction: a failed seed leaves no half-made register behind.
 * Returns null, inserting nothing, when the register already has providers.
 */
export async function seedRegister(db: Database, options: SeedRegisterOptions): Promise<RegisterSummary | null> {
  const { count, now, academicYearIds, log, keepTouchTriggers = false } = options
  checkProviderCount(count)
  return db.transaction(async (tx) => {
    // Blocks a second seed running at the same time until this one commits, so only one of them fills the register.
    await tx.execute(sql`lock table ${providers} in exclusive mode`)
    const existing = await tx.select({ id: providers.id }).from(providers).limit(1)
    if (existing.length > 0) return null
    const paused = !keepTouchTriggers && (await switchTouchTriggers(tx, 'disable'))
    if (!paused && !keepTouchTriggers) log('  (the database role cannot pause the touch_provider triggers, so this will be slower)')
    const summary: RegisterSummary = { providers: 0, accreditations: 0, addresses: 0, contacts: 0, providerAcademicYears: 0 }
    const context: BatchContext = { tx, academicYearIds, summary, triggersPaused: paused }
    let batch: SeedProvider[] = []
    for (const provider of generateRegister(count, now)) {
      batch.push(provider)
      if (batch.length < batchSize) continue
      await insertBatch(context, batch)
      batch = []
      if (summary.providers % 10_000 === 0 && summary.providers < count) {
        log(`  ${summary.providers.toLocaleString('en-GB')} of ${count.toLocaleString('en-GB')} providers added`)
      }
    }
    if (batch.length > 0) await insertBatch(context, batch)
    if (paused && !(await switchTouchTriggers(tx, 'enable'))) throw new Error('Could not turn the touch_provider triggers back on')
    return summary
  })
}
