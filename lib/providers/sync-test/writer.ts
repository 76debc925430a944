// The writer of the concurrent sync test: every kind of change the register sees, on its own connection,
// in a loop, including one transaction that changes 300 providers and one held open for seconds.
import { and, eq, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm'
import type { Database } from '@/db'
import { accreditations, addresses, providerAcademicYears, providers } from '@/db/schema'

/** A small seeded generator, so a failing round can be run again exactly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let value = state
    value = Math.imul(value ^ (value >>> 15), value | 1)
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61)
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296
  }
}

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds))

export type WriterOptions = { db: Database; ids: string[]; random: () => number; steps: number; holdMs: number; log: string[] }

/** Runs one round of changes, at least `steps` of them; the held-open transaction runs alongside the others. */
export async function writeRound({ db, ids, random, steps, holdMs, log }: WriterOptions): Promise<void> {
  const stamp = () => Math.floor(random() * 1e9).toString(36)
  // The held transaction's provider is left to it alone: another write to it would wait for its row lock,
  // commit after it and so carry the change past the reader, hiding what the test is there to show.
  const heldId = ids[Math.floor(random() * ids.length)] ?? ''
  const others = ids.filter((id) => id !== heldId)
  const pick = () => others[Math.floor(random() * others.length)] ?? ''
  let holding = true
  const held = db
    .transaction(async (tx) => {
      const id = heldId
      await tx
        .update(providers)
        .set({ operatingName: `Held ${stamp()}` })
        .where(eq(providers.id, id))
      await tx
        .update(addresses)
        .set({ postcode: `HD${Math.floor(random() * 9)} 1AA` })
        .where(eq(addresses.providerId, id))
      await sleep(holdMs)
      log.push(`held ${id}`)
    })
    .finally(() => {
      holding = false
    })
  const actions: Record<string, (id: string) => Promise<unknown>> = {
    rename: (id) =>
      db
        .update(providers)
        .set({ operatingName: `Renamed ${stamp()}` })
        .where(eq(providers.id, id)),
    'edit address': (id) =>
      db
        .update(addresses)
        .set({ addressLine1: `${Math.floor(random() * 99)} New Street` })
        .where(eq(addresses.providerId, id)),
    'add address': (id) => db.insert(addresses).values({ providerId: id, addressLine1: 'Added House', townOrCity: 'Derby', postcode: 'DE1 1AA' }),
    'edit accreditation': (id) =>
      db
        .update(accreditations)
        .set({ endDate: `2030-0${1 + Math.floor(random() * 8)}-01` })
        .where(eq(accreditations.providerId, id)),
    'drop academic year': (id) =>
      db
        .update(providerAcademicYears)
        .set({ deletedAt: new Date() })
        .where(and(eq(providerAcademicYears.providerId, id), isNull(providerAcademicYears.deletedAt))),
    archive: (id) => db.update(providers).set({ archivedAt: new Date() }).where(eq(providers.id, id)),
    delete: (id) => db.update(providers).set({ deletedAt: new Date() }).where(eq(providers.id, id)),
    restore: (id) =>
      db
        .update(providers)
        .set({ archivedAt: null, deletedAt: null })
        .where(and(eq(providers.id, id), or(isNotNull(providers.archivedAt), isNotNull(providers.deletedAt)))),
  }
  const names = Object.keys(actions)
  // Other transactions keep committing for as long as the held one is open, so the reader has every chance to pass it.
  for (let step = 0; step < steps || holding; step += 1) {
    if (step === Math.floor(steps / 2)) {
      // 300 providers in one transaction: one xid, 300 sequence numbers, to be split across many pages.
      const chosen = [...others].sort(() => random() - 0.5).slice(0, 300)
      await db.transaction(async (tx) => {
        for (const chunk of [chosen.slice(0, 150), chosen.slice(150)])
          await tx
            .update(providers)
            .set({ operatingName: sql`${providers.operatingName} || '.'` })
            .where(inArray(providers.id, chunk))
      })
      log.push('bulk 300')
    }
    const name = names[Math.floor(random() * names.length)] ?? 'rename'
    const id = pick()
    await actions[name]?.(id)
    log.push(`${name} ${id}`)
    await sleep(random() * 15)
  }
  await held
}
