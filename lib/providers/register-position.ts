import { sql } from 'drizzle-orm'
import type { Database } from '@/db'
import { providerChanges } from '@/db/schema'
import { freshReads } from '@/lib/fresh-reads'

/**
 * Where the register stands: the change feed's last visible entry. Every change to what the API serves
 * rewrites a provider's feed row in the same transaction (migration 0005), so while the key stays the same,
 * nothing the API serves has changed. `settled` says every transaction up to that entry has finished (its
 * xid is below the snapshot's xmin): only then does any later commit land past the key and move it. A
 * transaction still open below the last entry could commit behind it without moving it, so a position that
 * is not settled must not be used to keep anything.
 */
export type RegisterPosition = { key: string; settled: boolean }

// The probe as one statement with no bound parameters. Through the query builder (LIMIT $1, and drizzle's select
// path) the same probe cost 400–430 µs of Node CPU a run against 230–290 µs for this (bench/position-probe.ts).
const probe = sql`
  select ${providerChanges.xid}::text || ':' || ${providerChanges.seq}::text as key,
         ${providerChanges.xid} < pg_snapshot_xmin(pg_current_snapshot()) as settled
  from ${providerChanges}
  order by ${providerChanges.xid} desc, ${providerChanges.seq} desc
  limit 1`

// postgres.js answers execute() with the rows themselves, PGlite with an object holding them.
const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : (result as { rows: T[] }).rows)

/** Reads the register's position: one index-only probe of provider_changes_xid_seq, backwards. */
export async function readRegisterPosition(db: Database): Promise<RegisterPosition> {
  const [last] = rowsOf<RegisterPosition>(await db.execute(probe))
  // An empty feed: any first change moves the key from here.
  return last ?? { key: 'empty', settled: true }
}

// One shared reader per database (a transaction is a database of its own here).
const sharedReaders = new WeakMap<Database, () => Promise<RegisterPosition>>()

/**
 * The register's position as a read of its own would give it, from a probe that began after the call
 * (lib/fresh-reads.ts): any change committed before the call is seen, but callers arriving while a probe
 * runs share the next one, so under load a request costs a fraction of a probe, not one each.
 */
export function readRegisterPositionShared(db: Database): Promise<RegisterPosition> {
  let read = sharedReaders.get(db)
  if (!read) {
    read = freshReads(() => readRegisterPosition(db))
    sharedReaders.set(db, read)
  }
  return read()
}
